package org.emporium.cart;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.redis.client.Command;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many clients change one cart at once, over the event bus (spread over the cart's verticle
 * instances, one per event loop) and over HTTP: every add counts, and the caps hold.
 */
class CartConcurrencyTest {

  private static CartNode node;

  @BeforeAll
  static void start() {
    node = CartNode.shared();
  }

  @Test
  void twoHundredConcurrentAddsOfOneUnitOverTheBusEndAtTwoHundred() {
    String sku = node.newSku(true);
    JsonObject cart = node.guestCart(null);
    List<Future<Boolean>> adds = concurrently(200, i -> add(cart, sku, 1));
    assertThat(adds).allMatch(Future::result);
    JsonObject after = read(cart);
    assertThat(after.getJsonArray("lines").getJsonObject(0).getInteger("quantity")).isEqualTo(200);
    assertThat(after.getLong("version")).as("one version per add").isEqualTo(201);
    assertThat(node.redis(Command.HGET, "cart:{" + cart.getString("cartId") + "}:lines", sku).toInteger()).isEqualTo(200);
  }

  @Test
  void twoHundredConcurrentAddsOverHttpEndAtTwoHundred() {
    String sku = node.newSku(true);
    JsonObject cart = node.guestCart(null);
    WebClient client = WebClient.create(node.vertx(), new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(node.node.httpPort()), new PoolOptions().setHttp1MaxSize(100));
    try {
      List<Future<HttpResponse<Buffer>>> posts = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        posts.add(client.post("/api/v1/carts/" + cart.getString("cartId") + "/items")
            .putHeader("X-Cart-Token", cart.getString("cartToken")).timeout(30_000)
            .sendJsonObject(new JsonObject().put("sku", sku).put("quantity", 1)));
      }
      CartNode.await(Future.join(posts));
      assertThat(posts).allMatch(p -> p.succeeded() && p.result().statusCode() == 200);
    } finally {
      client.close();
    }
    assertThat(read(cart).getJsonArray("lines").getJsonObject(0).getInteger("quantity")).isEqualTo(200);
  }

  @Test
  void theUnitsCapOfALineHoldsUnderConcurrency() {
    String sku = node.newSku(true);
    JsonObject cart = node.guestCart(null);
    assertThat(CartNode.await(add(cart, sku, 990))).isTrue();
    List<Future<Boolean>> adds = concurrently(30, i -> add(cart, sku, 1));
    assertThat(adds.stream().filter(Future::result).count()).isEqualTo(9);
    assertThat(read(cart).getJsonArray("lines").getJsonObject(0).getInteger("quantity")).isEqualTo(999);
  }

  @Test
  void theLinesCapOfACartHoldsUnderConcurrency() {
    List<String> skus = new ArrayList<>(node.newSkus(60, true, 100));
    skus.addAll(node.newSkus(60, true, 100));
    JsonObject cart = node.guestCart(null);
    List<Future<Boolean>> adds = concurrently(120, i -> add(cart, skus.get(i), 1));
    assertThat(adds.stream().filter(Future::result).count()).isEqualTo(100);
    assertThat(read(cart).getJsonArray("lines")).hasSize(100);
    assertThat(node.redis(Command.HLEN, "cart:{" + cart.getString("cartId") + "}:items").toInteger()).isEqualTo(100);
  }

  /** Starts {@code count} requests at once and waits for them all. */
  private static List<Future<Boolean>> concurrently(int count, Function<Integer, Future<Boolean>> request) {
    List<Future<Boolean>> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      all.add(request.apply(i));
    }
    CartNode.await(Future.join(all));
    assertThat(all).allMatch(Future::succeeded);
    return all;
  }

  /** True when added, false when a cap refused it (422); anything else fails. */
  private static Future<Boolean> add(JsonObject cart, String sku, int quantity) {
    JsonObject envelope = CartNode.envelope("addCartItem", new JsonObject().put("cartId", cart.getString("cartId")),
        cart.getString("cartToken"), new JsonObject().put("sku", sku).put("quantity", quantity), null);
    return node.send("cart.addItem", envelope).map(reply -> reply.getInteger("status") == 200)
        .recover(failure -> failure instanceof ReplyException e && e.failureCode() == 422
            ? Future.succeededFuture(false) : Future.failedFuture(failure));
  }

  private static JsonObject read(JsonObject cart) {
    return node.call("cart.get", CartNode.envelope("getCart", new JsonObject().put("cartId", cart.getString("cartId")),
        cart.getString("cartToken"), null, null)).getJsonObject("body");
  }
}
