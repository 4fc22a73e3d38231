package org.emporium.ordering.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.ordering.domain.Order;
import org.emporium.ordering.domain.OrderLine;
import org.emporium.ordering.domain.OrderStatus;
import org.emporium.ordering.domain.Totals;
import org.emporium.ordering.domain.Transition;
import org.emporium.ordering.domain.Violation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The body of {@code ordering.place}: the checkout's ids, the buyer and the {@code pricing.quote}
 * reply as is; becomes a {@code pending} order. Every bad field is reported at once.
 */
final class PlaceInput {

  private static final int MAX_LINES = 500;

  private PlaceInput() {
  }

  static Order order(JsonObject body, Instant now, String actor) {
    OrderRequests in = new OrderRequests();
    UUID id = in.uuid(body, "/", "orderId", true);
    UUID checkoutId = in.uuid(body, "/", "checkoutId", true);
    UUID customerId = in.uuid(body, "/", "customerId", false);
    String email = in.string(body, "/", "email", 320, true);
    String region = in.string(body, "/", "region", 64, true);
    JsonObject address = in.object(body, "/", "shippingAddress");
    UUID paymentId = in.uuid(body, "/", "paymentId", true);
    UUID reservationId = in.uuid(body, "/", "reservationId", true);
    JsonObject quote = in.object(body, "/", "quote");
    String currency = in.string(quote, "/quote/", "currency", 3, true);
    List<OrderLine> lines = new ArrayList<>();
    JsonArray items = in.array(quote, "/quote/", "lines", true);
    if (items.isEmpty() || items.size() > MAX_LINES) {
      in.add(new Violation("/quote/lines", "must have 1 to " + MAX_LINES + " lines"));
    }
    for (int i = 0; i < items.size() && i < MAX_LINES; i++) {
      String at = "/quote/lines/" + i + "/";
      JsonObject line = items.getValue(i) instanceof JsonObject object ? object : new JsonObject();
      lines.add(new OrderLine(in.string(line, at, "sku", 64, true), in.positive(line, at, "quantity"),
          in.money(line, at, "unitPrice", currency), in.money(line, at, "subtotal", currency),
          in.money(line, at, "discount", currency), in.money(line, at, "tax", currency),
          in.money(line, at, "total", currency)));
    }
    Totals totals = new Totals(in.money(quote, "/quote/", "subtotal", currency),
        in.money(quote, "/quote/", "discountTotal", currency), in.money(quote, "/quote/", "shipping", currency),
        in.money(quote, "/quote/", "taxTotal", currency), in.money(quote, "/quote/", "total", currency));
    boolean taxInclusive = in.bool(quote, "/quote/", "taxInclusive");
    JsonArray coupons = in.array(quote, "/quote/", "coupons", false);
    JsonArray fxRates = in.array(quote, "/quote/", "fxRates", false);
    in.done();
    Transition made = new Transition(null, OrderStatus.PENDING, now, actor, "placed");
    return new Order(id, checkoutId, customerId, email, OrderStatus.PENDING, currency, lines, totals, taxInclusive,
        coupons.encode(), fxRates.encode(), address.encode(), paymentId, reservationId, region, 0, List.of(made), now,
        now, 1);
  }
}
