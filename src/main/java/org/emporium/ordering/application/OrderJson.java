package org.emporium.ordering.application;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.ordering.domain.Order;
import org.emporium.ordering.domain.OrderLine;
import org.emporium.ordering.domain.Transition;

import java.util.UUID;

/** The order JSON of the bus, REST and events (schema {@code Order} of the contract). */
public final class OrderJson {

  private OrderJson() {
  }

  /** The whole order, lines and history included. */
  public static JsonObject order(Order order) {
    JsonArray lines = new JsonArray();
    for (OrderLine line : order.lines()) {
      lines.add(new JsonObject().put("sku", line.sku()).put("quantity", line.quantity())
          .put("unitPrice", money(line.unitPrice(), order)).put("subtotal", money(line.subtotal(), order))
          .put("discount", money(line.discount(), order)).put("tax", money(line.tax(), order))
          .put("total", money(line.total(), order)));
    }
    JsonArray history = new JsonArray();
    order.history().forEach(t -> history.add(transition(t)));
    return summary(order).put("lines", lines).put("history", history);
  }

  /** A list item: the order without lines and history. */
  public static JsonObject summary(Order order) {
    return new JsonObject().put("orderId", order.id().toString()).put("checkoutId", order.checkoutId().toString())
        .put("customerId", text(order.customerId())).put("email", order.email()).put("status", order.status().code())
        .put("currency", order.currency()).put("subtotal", money(order.totals().subtotal(), order))
        .put("discountTotal", money(order.totals().discountTotal(), order))
        .put("shipping", money(order.totals().shipping(), order))
        .put("taxTotal", money(order.totals().taxTotal(), order)).put("total", money(order.totals().total(), order))
        .put("taxInclusive", order.taxInclusive()).put("coupons", Json.decodeValue(order.coupons()))
        .put("fxRates", Json.decodeValue(order.fxRates()))
        .put("shippingAddress", Json.decodeValue(order.shippingAddress()))
        .put("paymentId", text(order.paymentId())).put("reservationId", text(order.reservationId()))
        .put("region", order.region()).put("refunded", money(order.refunded(), order))
        .put("createdAt", order.createdAt().toString()).put("updatedAt", order.updatedAt().toString())
        .put("version", order.version());
  }

  static JsonObject transition(Transition t) {
    return new JsonObject().put("from", t.from() == null ? null : t.from().code()).put("to", t.to().code())
        .put("at", t.at().toString()).put("actor", t.actor()).put("reason", t.reason());
  }

  static JsonObject money(long amount, Order order) {
    return new JsonObject().put("amount", amount).put("currency", order.currency());
  }

  static String text(UUID id) {
    return id == null ? null : id.toString();
  }
}
