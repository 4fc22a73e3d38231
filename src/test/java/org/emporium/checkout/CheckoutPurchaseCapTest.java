package org.emporium.checkout;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flash-sale purchase caps with every context real: concurrent checkouts of one buyer let exactly
 * the capped units through and refuse the rest with nothing reserved or charged; a declined card
 * gives its units back.
 */
class CheckoutPurchaseCapTest {

  static final String OK = "4242424242424242";
  static final String DECLINED = "4000000000000002";
  static final String RUSH = "FLASH-" + UUID.randomUUID().toString().substring(0, 8);
  static final String RETRY = "FLASH-" + UUID.randomUUID().toString().substring(0, 8);

  @TempDir
  static Path dir;
  static CheckoutNode node;

  @BeforeAll
  static void start() {
    node = CheckoutNode.withEveryContext(dir, Map.of("checkout.stepTimeoutMs", "10000", "checkout.sagaLeaseMs",
        "25000", "checkout.purchaseCaps", new JsonObject().put(RUSH, 3).put(RETRY, 3).encode()));
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @Test
  void twentyConcurrentCheckoutsOfOneBuyerLetExactlyTheCapThrough() {
    node.sku(RUSH, 1_000, 100);
    String email = "flash-" + UUID.randomUUID() + "@example.com";
    List<Future<HttpResponse<Buffer>>> checkouts = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      JsonObject cart = node.guestCart(RUSH, 1);
      // the same buyer whatever the case of the address
      JsonObject body = CheckoutNode.checkoutBody(cart.getString("cartId"), OK)
          .put("email", i % 2 == 0 ? email : email.toUpperCase());
      checkouts.add(node.checkout(null, cart.getString("cartToken"), UUID.randomUUID().toString(), body));
    }
    List<HttpResponse<Buffer>> answers = CheckoutNode.await(Future.all(checkouts)).list();

    assertThat(answers.stream().filter(a -> a.statusCode() == 201)).hasSize(3);
    List<HttpResponse<Buffer>> refused = answers.stream().filter(a -> a.statusCode() != 201).toList();
    assertThat(refused).hasSize(17).allSatisfy(answer -> {
      assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(409);
      JsonObject problem = answer.bodyAsJsonObject();
      assertThat(problem.getString("detail")).contains("purchase limit").contains(RUSH);
      assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("/lines/0/quantity");
    });
    assertThat(node.stock(RUSH)).as("on hand, reserved").containsExactly(97, 0);
    assertThat(units("email:" + email, RUSH)).isEqualTo(3);
    assertThat(node.rows("SELECT count(*) AS n FROM checkout.saga WHERE state = 'failed' AND step = 'cap'")
        .get(0).getLong("n")).as("refused at the cap, before any reservation").isGreaterThanOrEqualTo(17);
    assertThat(node.rows("SELECT count(*) AS n FROM checkout.purchase_claim").get(0).getLong("n"))
        .as("ended checkouts keep no claims").isZero();
  }

  @Test
  void aDeclinedCardGivesItsUnitsBack() {
    node.sku(RETRY, 1_000, 100);
    String email = "retry-" + UUID.randomUUID() + "@example.com";
    HttpResponse<Buffer> declined = checkout(email, 2, DECLINED);
    assertThat(declined.statusCode()).as(declined.bodyAsString()).isEqualTo(402);
    assertThat(units("email:" + email, RETRY)).as("given back").isZero();

    HttpResponse<Buffer> paid = checkout(email, 3, OK);
    assertThat(paid.statusCode()).as(paid.bodyAsString()).isEqualTo(201);
    assertThat(units("email:" + email, RETRY)).isEqualTo(3);
    HttpResponse<Buffer> more = checkout(email, 1, OK);
    assertThat(more.statusCode()).as(more.bodyAsString()).isEqualTo(409);
    HttpResponse<Buffer> tooMany = checkout("other-" + email, 4, OK);
    assertThat(tooMany.statusCode()).as("one order over the cap on its own").isEqualTo(409);
    assertThat(node.stock(RETRY)).as("on hand, reserved").containsExactly(97, 0);
  }

  private static HttpResponse<Buffer> checkout(String email, int quantity, String card) {
    JsonObject cart = node.guestCart(RETRY, quantity);
    return node.checkoutNow(null, cart.getString("cartToken"), UUID.randomUUID().toString(),
        CheckoutNode.checkoutBody(cart.getString("cartId"), card).put("email", email));
  }

  private static long units(String buyer, String sku) {
    List<Row> rows = node.rows("SELECT units FROM checkout.purchase_count WHERE buyer = $1 AND sku = $2", buyer, sku);
    return rows.isEmpty() ? 0 : rows.get(0).getInteger("units");
  }
}
