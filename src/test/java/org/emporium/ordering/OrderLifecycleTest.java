package org.emporium.ordering;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.ordering.OrderNode.placement;

/** The saga's addresses: place (idempotent), markPaid, cancel; history and outbox events; bad input. */
class OrderLifecycleTest {

  static OrderNode node;

  @BeforeAll
  static void start() {
    node = OrderNode.get();
  }

  private long events(String orderId, String type) {
    return node.number("SELECT count(*) FROM ordering.outbox WHERE aggregate_id = $1 AND event_type = $2", orderId,
        "emporium.ordering.order." + type + ".v1");
  }

  @Test
  void placeIsIdempotentAndKeepsThePriceSnapshot() {
    UUID id = UUID.randomUUID();
    UUID customer = UUID.randomUUID();
    JsonObject body = placement(id, customer, null, "SKU-A", 2);
    JsonObject placed = node.call("ordering.place", body);
    assertThat(placed.getString("status")).isEqualTo("pending");
    assertThat(placed.getJsonObject("total")).isEqualTo(OrderNode.usd(2500 - 100 + 490));
    assertThat(placed.getJsonArray("lines").getJsonObject(0).getJsonObject("unitPrice")).isEqualTo(OrderNode.usd(1250));
    assertThat(placed.getJsonArray("coupons").getJsonObject(0).getString("code")).isEqualTo("TENOFF");
    assertThat(placed.getJsonObject("shippingAddress").getString("city")).isEqualTo("Springfield");
    assertThat(placed.getJsonArray("history")).hasSize(1);

    JsonObject again = node.call("ordering.place", body.copy().put("email", "someone-else@example.com"));
    assertThat(again).isEqualTo(placed);
    assertThat(node.number("SELECT count(*) FROM ordering.orders WHERE id = $1", id)).isEqualTo(1);
    assertThat(node.number("SELECT count(*) FROM ordering.order_line WHERE order_id = $1", id)).isEqualTo(1);
    assertThat(events(id.toString(), "created")).isEqualTo(1);
  }

  @Test
  void markPaidThenCancelRecordHistoryAndEventsOnce() {
    JsonObject placed = node.call("ordering.place", placement(UUID.randomUUID(), UUID.randomUUID(), null, "SKU-B", 1));
    String id = placed.getString("orderId");
    JsonObject paid = new JsonObject().put("orderId", id).put("paymentId", placed.getString("paymentId"));
    assertThat(node.call("ordering.markPaid", paid).getString("status")).isEqualTo("paid");
    assertThat(node.call("ordering.markPaid", paid).getString("status")).isEqualTo("paid");
    Problem otherPayment = node.problem("ordering.markPaid", paid.copy().put("paymentId", UUID.randomUUID().toString()));
    assertThat(otherPayment.code()).isEqualTo(ErrorCode.CONFLICT);

    JsonObject shipped = node.call("ordering.transition", OrderApiSupport.admin("shipped", id));
    assertThat(shipped.getInteger("status")).isEqualTo(200);
    Problem late = node.problem("ordering.cancel", new JsonObject().put("orderId", id).put("reason", "too late"));
    assertThat(late.code()).isEqualTo(ErrorCode.CONFLICT);

    JsonArray history = node.call("ordering.get", OrderApiSupport.adminGet(id)).getJsonObject("body")
        .getJsonArray("history");
    assertThat(history.stream().map(h -> ((JsonObject) h).getString("from") + ">" + ((JsonObject) h).getString("to")))
        .containsExactly("null>pending", "pending>paid", "paid>shipped");
    assertThat(history.getJsonObject(2).getString("actor")).isEqualTo("ordering-tests-admin");
    assertThat(node.rows("SELECT status FROM ordering.orders WHERE id = $1::uuid", id).get(0).getString(0))
        .isEqualTo("shipped");
    assertThat(events(id, "paid")).isEqualTo(1);
    assertThat(events(id, "status-changed")).isEqualTo(2);
    assertThat(events(id, "cancelled")).isZero();
  }

  @Test
  void theSagaCancelsAnUnpaidOrderWithoutAFollowUp() {
    JsonObject placed = node.call("ordering.place", placement(UUID.randomUUID(), null, null, "SKU-C", 1));
    String id = placed.getString("orderId");
    JsonObject cancel = new JsonObject().put("orderId", id).put("reason", "payment declined").put("actor", "checkout");
    assertThat(node.call("ordering.cancel", cancel).getString("status")).isEqualTo("cancelled");
    assertThat(node.call("ordering.cancel", cancel).getString("status")).isEqualTo("cancelled");
    assertThat(node.problem("ordering.markPaid", new JsonObject().put("orderId", id)
        .put("paymentId", placed.getString("paymentId"))).code()).isEqualTo(ErrorCode.CONFLICT);
    JsonObject event = new JsonObject(node.rows("SELECT envelope FROM ordering.outbox WHERE aggregate_id = $1"
        + " AND event_type = 'emporium.ordering.order.cancelled.v1'", id).get(0).getString(0));
    assertThat(event.getJsonObject("data").getBoolean("paid")).isFalse();
    assertThat(event.getJsonObject("data").getString("reason")).isEqualTo("payment declined");
    assertThat(node.problem("ordering.cancel", new JsonObject().put("orderId", UUID.randomUUID().toString()))
        .code()).isEqualTo(ErrorCode.NOT_FOUND);
  }

  @Test
  void aPlaceArrivingAfterItsCheckoutCancelledTheIdLeavesNoOrder() {
    UUID id = UUID.randomUUID();
    JsonObject cancel = new JsonObject().put("orderId", id.toString()).put("reason", "place timed out")
        .put("actor", "checkout");
    assertThat(node.problem("ordering.cancel", cancel).code()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(node.problem("ordering.cancel", cancel).code()).isEqualTo(ErrorCode.NOT_FOUND);

    Problem late = node.problem("ordering.place", placement(id, null, null, "SKU-E", 1));
    assertThat(late.code()).isEqualTo(ErrorCode.CONFLICT);
    assertThat(late.detail()).contains("cancelled by its checkout before it was placed");
    assertThat(node.number("SELECT count(*) FROM ordering.orders WHERE id = $1", id)).isZero();
    assertThat(node.number("SELECT count(*) FROM ordering.order_tombstone WHERE order_id = $1", id)).isEqualTo(1);
    assertThat(events(id.toString(), "created")).isZero();
  }

  @Test
  void aCheckoutCancelRacingItsPlaceEndsWithNoLiveOrder() {
    for (int i = 0; i < 20; i++) {
      UUID id = UUID.randomUUID();
      var placing = node.send("ordering.place", placement(id, null, null, "SKU-F", 1));
      var cancelling = node.send("ordering.cancel", new JsonObject().put("orderId", id.toString())
          .put("reason", "place timed out").put("actor", "checkout"));
      OrderNode.await(io.vertx.core.Future.join(placing, cancelling).otherwiseEmpty());
      var rows = node.rows("SELECT status FROM ordering.orders WHERE id = $1", id);
      // either the cancel found the order and cancelled it, or it left a tombstone and the place was refused
      if (rows.isEmpty()) {
        assertThat(placing.failed()).isTrue();
        assertThat(node.number("SELECT count(*) FROM ordering.order_tombstone WHERE order_id = $1", id)).isEqualTo(1);
      } else {
        assertThat(rows.get(0).getString(0)).isEqualTo("cancelled");
        assertThat(cancelling.succeeded()).isTrue();
      }
    }
  }

  @Test
  void aCustomerCancellingAnUnknownOrderLeavesNoTombstone() {
    UUID id = UUID.randomUUID();
    JsonObject envelope = org.emporium.platform.eventbus.ForwardedRequest.envelope("cancelOrder",
        new JsonObject().put("id", id.toString()), new JsonObject(), new JsonObject(), new JsonObject(),
        OrderApiSupport.ADMIN, "203.0.113.7");
    assertThat(node.problem("ordering.cancel", envelope).code()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(node.number("SELECT count(*) FROM ordering.order_tombstone WHERE order_id = $1", id)).isZero();
  }

  @Test
  void badInputIsRefusedWithEveryFieldAndStoresNothing() {
    UUID id = UUID.randomUUID();
    JsonObject body = placement(id, null, null, "SKU-D", 1).put("paymentId", "not-a-uuid").put("email", "");
    body.getJsonObject("quote").getJsonArray("lines").getJsonObject(0).put("quantity", 0)
        .put("unitPrice", new JsonObject().put("amount", 5).put("currency", "EUR"));
    Problem problem = node.problem("ordering.place", body);
    assertThat(problem.code()).isEqualTo(ErrorCode.BAD_REQUEST);
    assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactlyInAnyOrder("/paymentId", "/email",
        "/quote/lines/0/quantity", "/quote/lines/0/unitPrice");
    assertThat(node.number("SELECT count(*) FROM ordering.orders WHERE id = $1", id)).isZero();
  }
}
