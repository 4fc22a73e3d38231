package org.emporium.checkout;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The idempotency matrix: replay, another body, concurrent repeats, scopes, one running checkout per cart. */
class CheckoutIdempotencyTest {

  private static CheckoutNode node;

  @BeforeAll
  static void start() {
    node = CheckoutNode.shared();
  }

  @Test
  void theSameKeyAndBodyReplaysTheFirstResponseAndChargesOnce() {
    String sku = node.sku(1200, 10);
    JsonObject cart = node.guestCart(sku, 1);
    String key = UUID.randomUUID().toString();
    JsonObject body = CheckoutNode.checkoutBody(cart.getString("cartId"), CheckoutStandIns.OK_CARD);
    HttpResponse<Buffer> first = node.checkoutNow(null, cart.getString("cartToken"), key, body);
    assertThat(first.statusCode()).as(first.bodyAsString()).isEqualTo(201);
    int captures = node.standIns.captures.get();
    HttpResponse<Buffer> again = node.checkoutNow(null, cart.getString("cartToken"), key, body);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.getHeader("Location")).isEqualTo(first.getHeader("Location"));
    assertThat(again.bodyAsJsonObject()).isEqualTo(first.bodyAsJsonObject());
    assertThat(node.standIns.captures.get()).isEqualTo(captures);
    assertThat(node.stock(sku)).containsExactly(9, 0);
    assertThat(node.rows("SELECT count(*) FROM checkout.saga WHERE cart_id = $1",
        UUID.fromString(cart.getString("cartId"))).get(0).getLong(0)).isEqualTo(1);
  }

  @Test
  void aFailureIsReplayedTooAndAnotherBodyWithTheKeyIs422() {
    String sku = node.sku(1200, 10);
    JsonObject cart = node.guestCart(sku, 1);
    String key = UUID.randomUUID().toString();
    JsonObject declined = CheckoutNode.checkoutBody(cart.getString("cartId"), CheckoutStandIns.DECLINED);
    HttpResponse<Buffer> first = node.checkoutNow(null, cart.getString("cartToken"), key, declined);
    assertThat(first.statusCode()).isEqualTo(402);
    HttpResponse<Buffer> replayed = node.checkoutNow(null, cart.getString("cartToken"), key, declined);
    assertThat(replayed.statusCode()).isEqualTo(402);
    assertThat(replayed.getHeader("Idempotent-Replayed")).isEqualTo("true");
    assertThat(replayed.getHeader("Content-Type")).startsWith("application/problem+json");
    for (String member : new String[] {"type", "title", "status", "detail"}) {
      assertThat(replayed.bodyAsJsonObject().getValue(member)).isEqualTo(first.bodyAsJsonObject().getValue(member));
    }
    HttpResponse<Buffer> other = node.checkoutNow(null, cart.getString("cartToken"), key,
        CheckoutNode.checkoutBody(cart.getString("cartId"), CheckoutStandIns.OK_CARD));
    assertThat(other.statusCode()).as(other.bodyAsString()).isEqualTo(422);
    assertThat(node.rows("SELECT count(*) FROM checkout.saga WHERE cart_id = $1",
        UUID.fromString(cart.getString("cartId"))).get(0).getLong(0)).isEqualTo(1);
    HttpResponse<Buffer> fresh = node.checkoutNow(null, cart.getString("cartToken"), UUID.randomUUID().toString(),
        CheckoutNode.checkoutBody(cart.getString("cartId"), CheckoutStandIns.OK_CARD));
    assertThat(fresh.statusCode()).as("a new key is a new checkout").isEqualTo(201);
  }

  @Test
  void concurrentRequestsWithOneKeyRunOneSagaAndTheOthersAre409() {
    String sku = node.sku(1200, 10);
    JsonObject cart = node.guestCart(sku, 1);
    String key = UUID.randomUUID().toString();
    JsonObject body = CheckoutNode.checkoutBody(cart.getString("cartId"), CheckoutStandIns.OK_CARD);
    List<Future<HttpResponse<Buffer>>> sent = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      sent.add(node.checkout(null, cart.getString("cartToken"), key, body));
    }
    CheckoutNode.await(Future.join(sent));
    List<Integer> statuses = sent.stream().map(f -> f.result().statusCode()).toList();
    assertThat(statuses).containsOnly(201, 409);
    long firsts = sent.stream().filter(f -> f.result().statusCode() == 201
        && f.result().getHeader("Idempotent-Replayed") == null).count();
    assertThat(firsts).isEqualTo(1);
    assertThat(node.stock(sku)).containsExactly(9, 0);
    assertThat(node.rows("SELECT count(*) FROM checkout.saga WHERE cart_id = $1",
        UUID.fromString(cart.getString("cartId"))).get(0).getLong(0)).isEqualTo(1);
  }

  @Test
  void twoKeysOnOneCartAtOnceRunOneCheckout() {
    String sku = node.sku(1200, 10);
    JsonObject cart = node.guestCart(sku, 1);
    JsonObject body = CheckoutNode.checkoutBody(cart.getString("cartId"), CheckoutStandIns.OK_CARD);
    List<Future<HttpResponse<Buffer>>> sent = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      sent.add(node.checkout(null, cart.getString("cartToken"), UUID.randomUUID().toString(), body));
    }
    CheckoutNode.await(Future.join(sent));
    List<Integer> statuses = sent.stream().map(f -> f.result().statusCode()).toList();
    assertThat(statuses).as("one pays; the others meet a running checkout or the emptied cart")
        .isSubsetOf(201, 409, 422).containsOnlyOnce(201);
    assertThat(node.stock(sku)).containsExactly(9, 0);
  }

  @Test
  void keysAreScopedPerCustomer() {
    String sku = node.sku(1200, 10);
    String key = UUID.randomUUID().toString();
    for (int i = 0; i < 2; i++) {
      String token = node.customer();
      JsonObject cart = node.expect(201, io.vertx.core.http.HttpMethod.POST, "/api/v1/carts", token, null, null,
          new JsonObject().put("currency", "USD"));
      node.expect(200, io.vertx.core.http.HttpMethod.POST, "/api/v1/carts/" + cart.getString("cartId") + "/items",
          token, null, null, new JsonObject().put("sku", sku).put("quantity", 1));
      JsonObject body = CheckoutNode.checkoutBody(cart.getString("cartId"), CheckoutStandIns.OK_CARD);
      body.remove("email");
      HttpResponse<Buffer> placed = node.checkoutNow(token, null, key, body);
      assertThat(placed.statusCode()).as(placed.bodyAsString()).isEqualTo(201);
      assertThat(placed.getHeader("Idempotent-Replayed")).isNull();
      assertThat(placed.bodyAsJsonObject().getString("customerId")).isNotNull();
    }
    assertThat(node.stock(sku)).containsExactly(8, 0);
  }

  @Test
  void expiredKeysAreForgottenByThePurge() {
    String sku = node.sku(1200, 10);
    JsonObject cart = node.guestCart(sku, 1);
    String key = UUID.randomUUID().toString();
    JsonObject body = CheckoutNode.checkoutBody(cart.getString("cartId"), CheckoutStandIns.DECLINED);
    assertThat(node.checkoutNow(null, cart.getString("cartToken"), key, body).statusCode()).isEqualTo(402);
    node.rows("UPDATE checkout.idempotency SET expires_at = now() - interval '1 second' WHERE key = $1", key);
    HttpResponse<Buffer> reused = node.checkoutNow(null, cart.getString("cartToken"), key,
        CheckoutNode.checkoutBody(cart.getString("cartId"), CheckoutStandIns.OK_CARD));
    assertThat(reused.statusCode()).as("an expired key is free again").isEqualTo(201);
  }
}
