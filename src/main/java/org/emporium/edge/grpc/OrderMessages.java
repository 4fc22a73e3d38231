package org.emporium.edge.grpc;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.edge.grpc.ordering.v1.Money;
import org.emporium.edge.grpc.ordering.v1.Order;
import org.emporium.edge.grpc.ordering.v1.OrderLine;
import org.emporium.edge.grpc.ordering.v1.OrderPage;
import org.emporium.edge.grpc.ordering.v1.Transition;

/** From the ordering context's JSON (schemas {@code Order}, {@code OrderPage}) to {@code emporium.ordering.v1} messages. */
final class OrderMessages {

  private OrderMessages() {
  }

  static OrderPage page(JsonObject json) {
    OrderPage.Builder page = OrderPage.newBuilder();
    json.getJsonArray("items").forEach(item -> page.addItems(order((JsonObject) item)));
    if (json.getString("nextCursor") != null) {
      page.setNextCursor(json.getString("nextCursor"));
    }
    return page.build();
  }

  static Order order(JsonObject json) {
    Order.Builder order = Order.newBuilder().setOrderId(json.getString("orderId"))
        .setCheckoutId(json.getString("checkoutId")).setEmail(json.getString("email"))
        .setStatus(json.getString("status")).setCurrency(json.getString("currency"))
        .setSubtotal(money(json.getJsonObject("subtotal"))).setDiscountTotal(money(json.getJsonObject("discountTotal")))
        .setShipping(money(json.getJsonObject("shipping"))).setTaxTotal(money(json.getJsonObject("taxTotal")))
        .setTotal(money(json.getJsonObject("total"))).setTaxInclusive(json.getBoolean("taxInclusive"))
        .setPaymentId(text(json, "paymentId")).setReservationId(text(json, "reservationId"))
        .setRegion(json.getString("region")).setRefunded(money(json.getJsonObject("refunded")))
        .setCreatedAt(json.getString("createdAt")).setUpdatedAt(json.getString("updatedAt"))
        .setVersion(json.getLong("version"));
    if (json.getString("customerId") != null) {
      order.setCustomerId(json.getString("customerId"));
    }
    json.getJsonArray("coupons", new JsonArray()).forEach(c -> order.addCouponCodes(((JsonObject) c).getString("code")));
    json.getJsonArray("lines", new JsonArray()).forEach(l -> {
      JsonObject line = (JsonObject) l;
      order.addLines(OrderLine.newBuilder().setSku(line.getString("sku")).setQuantity(line.getInteger("quantity"))
          .setUnitPrice(money(line.getJsonObject("unitPrice"))).setSubtotal(money(line.getJsonObject("subtotal")))
          .setDiscount(money(line.getJsonObject("discount"))).setTax(money(line.getJsonObject("tax")))
          .setTotal(money(line.getJsonObject("total"))));
    });
    json.getJsonArray("history", new JsonArray()).forEach(h -> {
      JsonObject t = (JsonObject) h;
      order.addHistory(Transition.newBuilder().setFrom(text(t, "from")).setTo(t.getString("to"))
          .setAt(t.getString("at")).setActor(text(t, "actor")).setReason(text(t, "reason")));
    });
    return order.build();
  }

  /** Proto strings cannot be null: a JSON null (or no member) is "". */
  private static String text(JsonObject json, String key) {
    String value = json.getString(key);
    return value == null ? "" : value;
  }

  private static Money money(JsonObject json) {
    return Money.newBuilder().setAmount(json.getLong("amount")).setCurrency(json.getString("currency")).build();
  }
}
