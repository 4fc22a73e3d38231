package org.emporium.ordering;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.ordering.OrderNode.placement;

/**
 * A customer cancels a paid order before shipping: the order is cancelled at once, then the follow-up
 * refunds once (payment stand-in), returns the stock to the real inventory, releases the coupons
 * (pricing stand-in) and records the refund. A shipped order cannot be cancelled.
 */
class OrderCancellationTest {

  static OrderNode node;
  static OrderEdge edge;

  @BeforeAll
  static void start() {
    node = OrderNode.get();
    edge = new OrderEdge(node.node.httpPort());
  }

  @AfterAll
  static void stop() throws Exception {
    edge.close();
  }

  private static void eventually(BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("condition not met in time").isBefore(deadline);
      OrderNode.await(node.vertx().timer(100));
    }
  }

  private long onHand(String sku) {
    return OrderNode.await(node.db.preparedQuery("SELECT sum(on_hand) FROM inventory.stock WHERE sku = $1")
        .execute(io.vertx.sqlclient.Tuple.of(sku))).iterator().next().getLong(0);
  }

  @Test
  void aPaidOrderCancelledBeforeShippingIsRefundedRestockedAndItsCouponsReleased() {
    OrderEdge.Customer customer = edge.customer();
    String sku = node.stockedSku(10);
    UUID reservation = UUID.randomUUID();
    node.call("inventory.reserve", new JsonObject().put("reservationId", reservation.toString())
        .put("reference", "checkout-1").put("lines", new io.vertx.core.json.JsonArray()
            .add(new JsonObject().put("sku", sku).put("quantity", 3))));
    JsonObject placed = node.call("ordering.place", placement(UUID.randomUUID(), customer.id(), reservation, sku, 3));
    String id = placed.getString("orderId");
    String paymentId = placed.getString("paymentId");
    node.call("ordering.markPaid", new JsonObject().put("orderId", id).put("paymentId", paymentId));
    node.call("inventory.commit", new JsonObject().put("reservationId", reservation.toString()));
    assertThat(onHand(sku)).isEqualTo(7);
    long total = placed.getJsonObject("total").getLong("amount");
    node.captured.put(paymentId, total);

    JsonObject cancelled = edge.expect(200, HttpMethod.POST, "/api/v1/orders/" + id + "/cancel", customer.token(),
        new JsonObject().put("reason", "changed my mind"));
    assertThat(cancelled.getString("status")).isEqualTo("cancelled");
    assertThat(cancelled.getJsonArray("history").getJsonObject(2).getString("reason")).isEqualTo("changed my mind");

    eventually(() -> edge.expect(200, HttpMethod.GET, "/api/v1/orders/" + id, customer.token(), null)
        .getJsonObject("refunded").getLong("amount") == total);
    assertThat(node.refunds.stream().filter(r -> r.getString("paymentId").equals(paymentId)))
        .singleElement().satisfies(r -> assertThat(r.getString("refundId")).isEqualTo(id));
    assertThat(node.releases).contains(new JsonObject().put("orderId", id));
    assertThat(onHand(sku)).isEqualTo(10);
    assertThat(node.number("SELECT count(*) FROM inventory.ledger WHERE sku = $1 AND kind = 'returned'", sku))
        .isEqualTo(1);
    assertThat(edge.expect(200, HttpMethod.POST, "/api/v1/orders/" + id + "/cancel", customer.token(), null)
        .getString("status")).isEqualTo("cancelled");
    assertThat(node.number("SELECT count(*) FROM ordering.processed_event WHERE consumer = 'ordering.cancellations'"))
        .isPositive();
    assertThat(node.refunds.stream().filter(r -> r.getString("paymentId").equals(paymentId))).hasSize(1);
  }

  @Test
  void aShippedOrderCannotBeCancelledByTheCustomerNorAnAdmin() {
    OrderEdge.Customer customer = edge.customer();
    String id = node.paidOrder(customer.id()).getString("orderId");
    edge.expect(200, HttpMethod.POST, "/api/v1/orders/" + id + "/transitions", edge.adminToken,
        new JsonObject().put("status", "shipped"));
    JsonObject refused = edge.expect(409, HttpMethod.POST, "/api/v1/orders/" + id + "/cancel", customer.token(), null);
    assertThat(refused.getString("detail")).isEqualTo("The order is shipped; it cannot become cancelled.");
    edge.expect(409, HttpMethod.POST, "/api/v1/orders/" + id + "/cancel", edge.adminToken, null);
    JsonObject order = edge.expect(200, HttpMethod.GET, "/api/v1/orders/" + id, customer.token(), null);
    assertThat(order.getString("status")).isEqualTo("shipped");
    assertThat(order.getJsonArray("history")).hasSize(3);
    assertThat(node.number("SELECT count(*) FROM ordering.outbox WHERE aggregate_id = $1"
        + " AND event_type = 'emporium.ordering.order.cancelled.v1'", id)).isZero();
  }
}
