package org.emporium.checkout;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import org.emporium.platform.eventbus.ForwardedRequest;
import org.emporium.testing.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checkout with every context real (catalog, inventory, cart, pricing, payment with its simulated
 * provider, ordering) on one node: a customer's order paid and then cancelled for a refund, each
 * refusal of the card or the provider leaving stock and cart as they were, and a flash sale.
 */
class CheckoutJourneyTest {

  static final String OK = "4242424242424242";
  static final String DECLINED = "4000000000000002";
  static final String NO_FUNDS = "4000000000009995";
  static final String TOO_SLOW = "4000000000006975";

  @TempDir
  static Path dir;
  static CheckoutNode node;

  @BeforeAll
  static void start() {
    // steps wait long enough for a flash sale on a small machine; the provider gives up well before
    node = CheckoutNode.withEveryContext(dir, Map.of("checkout.stepTimeoutMs", "10000", "checkout.sagaLeaseMs",
        "25000", "payment.providerTimeoutMs", "500", "payment.maxAttempts", "2"));
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @Test
  void aCustomerPaysReadsTheOrderAndCancelsItForARefundAndTheStockBack() {
    String sku = node.sku(2_500, 10);
    String shopper = node.customer();
    String cartId = node.expect(201, HttpMethod.POST, "/api/v1/carts", shopper, null, null,
        new JsonObject().put("currency", "USD")).getString("cartId");
    node.expect(200, HttpMethod.POST, "/api/v1/carts/" + cartId + "/items", shopper, null, null,
        new JsonObject().put("sku", sku).put("quantity", 2));
    JsonObject body = CheckoutNode.checkoutBody(cartId, OK);
    body.remove("email");

    HttpResponse<Buffer> placed = node.checkoutNow(shopper, null, UUID.randomUUID().toString(), body);
    assertThat(placed.statusCode()).as(placed.bodyAsString()).isEqualTo(201);
    JsonObject order = placed.bodyAsJsonObject();
    assertThat(order.getString("status")).isEqualTo("paid");
    long total = order.getJsonObject("total").getLong("amount");
    assertThat(order.getJsonObject("subtotal").getLong("amount")).isEqualTo(5_000);
    assertThat(placed.getHeader("Location")).isEqualTo("/api/v1/orders/" + order.getString("orderId"));

    JsonObject read = node.expect(200, HttpMethod.GET, "/api/v1/orders/" + order.getString("orderId"), shopper,
        null, null, null);
    assertThat(read.getString("status")).isEqualTo("paid");
    assertThat(read.getJsonArray("history").stream().map(h -> ((JsonObject) h).getString("to")).toList())
        .containsExactly("pending", "paid");
    JsonObject payment = node.expect(200, HttpMethod.GET, "/api/v1/payments/" + order.getString("paymentId"),
        shopper, null, null, null);
    assertThat(payment.getString("status")).isEqualTo("captured");
    assertThat(payment.getJsonObject("captured").getLong("amount")).isEqualTo(total);
    assertThat(payment.getJsonObject("card").getString("last4")).isEqualTo("4242");
    assertThat(node.stock(sku)).containsExactly(8, 0);
    assertThat(node.expect(200, HttpMethod.GET, "/api/v1/carts/" + cartId, shopper, null, null, null)
        .getJsonArray("lines")).isEmpty();

    String stranger = node.customer();
    assertThat(node.http(HttpMethod.GET, "/api/v1/orders/" + order.getString("orderId"), stranger, null, null)
        .statusCode()).isEqualTo(404);
    assertThat(node.http(HttpMethod.POST, "/api/v1/orders/" + order.getString("orderId") + "/cancel", stranger,
        null, new JsonObject()).statusCode()).isEqualTo(404);

    JsonObject cancelled = node.expect(200, HttpMethod.POST, "/api/v1/orders/" + order.getString("orderId")
        + "/cancel", shopper, null, null, new JsonObject());
    assertThat(cancelled.getString("status")).isEqualTo("cancelled");
    eventually(() -> node.expect(200, HttpMethod.GET, "/api/v1/payments/" + order.getString("paymentId"), shopper,
        null, null, null), p -> "refunded".equals(p.getString("status")));
    eventually(() -> node.stock(sku)[0], onHand -> onHand == 10);
    JsonObject after = eventually(() -> node.expect(200, HttpMethod.GET, "/api/v1/orders/" + order.getString("orderId"),
        shopper, null, null, null), o -> o.getJsonObject("refunded").getLong("amount") == total);
    assertThat(after.getString("status")).isEqualTo("cancelled");
  }

  @Test
  void refundsOfAShippedOrderMakeItPartiallyRefundedThenRefunded() {
    JsonObject cart = node.guestCart(node.sku(4_000, 5), 1);
    HttpResponse<Buffer> placed = node.checkoutNow(null, cart.getString("cartToken"), UUID.randomUUID().toString(),
        CheckoutNode.checkoutBody(cart.getString("cartId"), OK));
    assertThat(placed.statusCode()).as(placed.bodyAsString()).isEqualTo(201);
    String id = placed.bodyAsJsonObject().getString("orderId");
    String paymentId = placed.bodyAsJsonObject().getString("paymentId");
    long total = placed.bodyAsJsonObject().getJsonObject("total").getLong("amount");
    JsonObject shipped = node.call("ordering.transition", ForwardedRequest.envelope("transitionOrder",
        new JsonObject().put("id", id), new JsonObject(), new JsonObject(), new JsonObject().put("status", "shipped"),
        CheckoutNode.ADMIN, "203.0.113.7"));
    assertThat(shipped.getJsonObject("body").getString("status")).as(shipped.encode()).isEqualTo("shipped");

    node.call("payment.refund", new JsonObject().put("paymentId", paymentId).put("refundId", "part-" + id)
        .put("amount", new JsonObject().put("amount", 1_000).put("currency", "USD")));
    eventually(() -> orderState(id), state -> state.equals("partially_refunded/1000"));
    node.call("payment.refund", new JsonObject().put("paymentId", paymentId).put("refundId", "rest-" + id));
    eventually(() -> orderState(id), state -> state.equals("refunded/" + total));
    assertThat(node.rows("SELECT to_status FROM ordering.order_transition WHERE order_id = $1 ORDER BY seq",
        UUID.fromString(id))).extracting(row -> row.getString(0))
        .containsExactly("pending", "paid", "shipped", "partially_refunded", "refunded");
  }

  private static String orderState(String id) {
    Row row = node.rows("SELECT status, refunded FROM ordering.orders WHERE id = $1", UUID.fromString(id)).get(0);
    return row.getString("status") + "/" + row.getLong("refunded");
  }

  @Test
  void aRefusedCardOrAProviderThatDoesNotAnswerLeavesStockAndCartAsTheyWere() {
    for (Map.Entry<String, Integer> card : Map.of(DECLINED, 402, NO_FUNDS, 402, TOO_SLOW, 503).entrySet()) {
      String sku = node.sku(1_000, 3);
      JsonObject cart = node.guestCart(sku, 2);
      HttpResponse<Buffer> refused = node.checkoutNow(null, cart.getString("cartToken"), UUID.randomUUID().toString(),
          CheckoutNode.checkoutBody(cart.getString("cartId"), card.getKey()));

      assertThat(refused.statusCode()).as(card.getKey() + ": " + refused.bodyAsString()).isEqualTo(card.getValue());
      assertThat(refused.getHeader("Content-Type")).startsWith("application/problem+json");
      assertThat(refused.bodyAsJsonObject().getString("reason")).isEqualTo(Map.of(DECLINED, "declined", NO_FUNDS,
          "insufficient_funds").get(card.getKey()));
      Row saga = node.rows("SELECT state, order_id, payment_id, reservation_id FROM checkout.saga WHERE cart_id = $1",
          UUID.fromString(cart.getString("cartId"))).get(0);
      assertThat(saga.getString("state")).isEqualTo("failed");
      assertThat(node.rows("SELECT 1 FROM ordering.orders WHERE id = $1", saga.getUUID("order_id"))).isEmpty();
      assertThat(node.rows("SELECT status, captured FROM payment.payment WHERE id = $1", saga.getUUID("payment_id")))
          .extracting(row -> row.getString("status") + "/" + row.getLong("captured"))
          .containsExactly("failed/0");
      assertThat(node.reservationStatus(saga.getUUID("reservation_id").toString())).isEqualTo("released");
      assertThat(node.stock(sku)).containsExactly(3, 0);
      assertThat(node.cart(cart).getJsonArray("lines")).hasSize(1);
    }
  }

  @Test
  void aFlashSaleOf1000ShoppersFor50UnitsSellsEachUnitOnceWithAnOrderForEveryCapture() {
    int shoppers = 1_000;
    int units = 50;
    String sku = node.sku(1_999, units);
    List<JsonObject> carts = new ArrayList<>();
    for (int i = 0; i < shoppers; i++) {
      carts.add(node.guestCart(sku, 1));
    }
    List<Future<HttpResponse<Buffer>>> sent = carts.stream().map(cart -> node.checkout(null,
        cart.getString("cartToken"), UUID.randomUUID().toString(),
        CheckoutNode.checkoutBody(cart.getString("cartId"), OK))).toList();
    CheckoutNode.await(Future.join(sent));

    Map<Integer, Long> statuses = sent.stream().map(f -> f.result().statusCode())
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(statuses).containsOnlyKeys(201, 409).containsEntry(201, (long) units)
        .containsEntry(409, (long) (shoppers - units));
    assertThat(node.stock(sku)).containsExactly(0, 0);
    assertThat(count("SELECT count(*) FROM ordering.orders o JOIN ordering.order_line l ON l.order_id = o.id "
        + "WHERE l.sku = $1 AND o.status = 'paid'", sku)).isEqualTo(units);
    assertThat(count("SELECT count(*) FROM payment.payment p JOIN ordering.orders o ON o.payment_id = p.id "
        + "JOIN ordering.order_line l ON l.order_id = o.id WHERE l.sku = $1 AND p.status = 'captured' "
        + "AND p.captured = o.total", sku)).isEqualTo(units);
    assertThat(count("SELECT count(*) FROM payment.payment p WHERE p.captured > 0 "
        + "AND NOT EXISTS (SELECT 1 FROM ordering.orders o WHERE o.payment_id = p.id)"))
        .as("captures without an order").isZero();
    assertThat(count("SELECT count(*) FROM ordering.orders o WHERE o.status = 'paid' "
        + "AND NOT EXISTS (SELECT 1 FROM payment.payment p WHERE p.id = o.payment_id AND p.captured = o.total)"))
        .as("paid orders without their capture").isZero();
    assertThat(count("SELECT count(*) FROM checkout.saga WHERE state NOT IN ('completed', 'failed')"))
        .as("sagas without an outcome").isZero();
  }

  private static long count(String sql, Object... args) {
    return node.rows(sql, args).get(0).getLong(0);
  }

  private static <T> T eventually(Supplier<T> probe, Predicate<T> done) {
    return Eventually.eventually(probe, done, Duration.ofSeconds(30));
  }
}
