package org.emporium.ordering.application;

import io.vertx.core.json.JsonObject;
import org.emporium.ordering.domain.Order;
import org.emporium.ordering.domain.Transition;
import org.emporium.platform.events.OutboxEvent;

import java.util.List;

/** The ordering context's events, topic {@code ordering.order.v1} (key order id). */
public final class OrderEvents {

  public static final String TOPIC = "ordering.order.v1";
  public static final String CREATED = "emporium.ordering.order.created.v1";
  public static final String PAID = "emporium.ordering.order.paid.v1";
  public static final String CANCELLED = "emporium.ordering.order.cancelled.v1";
  public static final String STATUS_CHANGED = "emporium.ordering.order.status-changed.v1";
  private static final String AGGREGATE = "order";

  private OrderEvents() {
  }

  /** {@code order.created}: the whole order. */
  static OutboxEvent created(Order order) {
    return OutboxEvent.of(AGGREGATE, order.id().toString(), "order.created", OrderJson.order(order));
  }

  /** The events of one move: {@code order.status-changed}, plus {@code order.paid} or {@code order.cancelled}. */
  static List<OutboxEvent> moved(Order order, Transition t) {
    String id = order.id().toString();
    JsonObject change = base(order).put("from", t.from().code()).put("to", t.to().code()).put("at", t.at().toString());
    OutboxEvent changed = OutboxEvent.of(AGGREGATE, id, "order.status-changed", change);
    return switch (t.to()) {
      case PAID -> List.of(OutboxEvent.of(AGGREGATE, id, "order.paid", base(order)
          .put("paymentId", OrderJson.text(order.paymentId())).put("total", OrderJson.money(order.totals().total(), order))
          .put("at", t.at().toString())), changed);
      case CANCELLED -> List.of(OutboxEvent.of(AGGREGATE, id, "order.cancelled", base(order)
          .put("from", t.from().code()).put("paid", t.from().holdsPayment())
          .put("paymentId", OrderJson.text(order.paymentId()))
          .put("reservationId", OrderJson.text(order.reservationId()))
          .put("total", OrderJson.money(order.totals().total(), order))
          .put("actor", t.actor()).put("reason", t.reason()).put("at", t.at().toString())), changed);
      default -> List.of(changed);
    };
  }

  private static JsonObject base(Order order) {
    return new JsonObject().put("orderId", order.id().toString()).put("customerId", OrderJson.text(order.customerId()));
  }
}
