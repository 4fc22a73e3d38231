package org.emporium.edge.grpc;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.edge.grpc.checkout.v1.Address;
import org.emporium.edge.grpc.checkout.v1.Money;
import org.emporium.edge.grpc.checkout.v1.OrderLine;
import org.emporium.edge.grpc.checkout.v1.PlaceOrderRequest;
import org.emporium.edge.grpc.checkout.v1.PlacedOrder;

import java.util.Optional;

/** Between {@code emporium.checkout.v1} messages and the checkout body and order JSON. */
final class CheckoutMessages {

  private CheckoutMessages() {
  }

  /** The REST body of the same request; absent optional fields stay out. */
  static JsonObject body(PlaceOrderRequest request) {
    JsonObject body = new JsonObject().put("cartId", request.getCartId());
    if (request.hasEmail()) {
      body.put("email", request.getEmail());
    }
    if (request.hasCurrency()) {
      body.put("currency", request.getCurrency());
    }
    if (request.hasShippingAddress()) {
      body.put("shippingAddress", address(request.getShippingAddress()));
    }
    if (request.hasPayment()) {
      JsonObject payment = new JsonObject().put("method", request.getPayment().getMethod().isEmpty() ? "card"
          : request.getPayment().getMethod()).put("cardNumber", request.getPayment().getCardNumber());
      if (request.getPayment().hasExpiry()) {
        payment.put("expiry", request.getPayment().getExpiry());
      }
      if (request.getPayment().hasHolder()) {
        payment.put("holder", request.getPayment().getHolder());
      }
      body.put("payment", payment);
    }
    if (request.getCouponCodesCount() > 0) {
      body.put("couponCodes", new JsonArray(request.getCouponCodesList()));
    }
    return body;
  }

  private static JsonObject address(Address address) {
    JsonObject json = new JsonObject().put("name", address.getName()).put("line1", address.getLine1())
        .put("city", address.getCity()).put("postalCode", address.getPostalCode()).put("country", address.getCountry());
    if (address.hasLine2()) {
      json.put("line2", address.getLine2());
    }
    if (address.hasRegion()) {
      json.put("region", address.getRegion());
    }
    if (address.hasPhone()) {
      json.put("phone", address.getPhone());
    }
    return json;
  }

  static PlacedOrder order(JsonObject json, boolean replayed) {
    PlacedOrder.Builder order = PlacedOrder.newBuilder().setOrderId(json.getString("orderId", ""))
        .setStatus(json.getString("status", "")).setEmail(json.getString("email", ""))
        .setCurrency(json.getString("currency", "")).setPaymentId(json.getString("paymentId", ""))
        .setCheckoutId(json.getString("checkoutId", "")).setCreatedAt(json.getString("createdAt", ""))
        .setReplayed(replayed);
    if (json.getString("customerId") != null) {
      order.setCustomerId(json.getString("customerId"));
    }
    money(json, "subtotal").ifPresent(order::setSubtotal);
    money(json, "discountTotal").ifPresent(order::setDiscountTotal);
    money(json, "shipping").ifPresent(order::setShipping);
    money(json, "taxTotal").ifPresent(order::setTaxTotal);
    money(json, "total").ifPresent(order::setTotal);
    json.getJsonArray("lines", new JsonArray()).forEach(l -> {
      JsonObject line = (JsonObject) l;
      OrderLine.Builder built = OrderLine.newBuilder().setSku(line.getString("sku", ""))
          .setQuantity(line.getInteger("quantity", 0));
      money(line, "unitPrice").ifPresent(built::setUnitPrice);
      money(line, "total").ifPresent(built::setTotal);
      order.addLines(built);
    });
    return order.build();
  }

  private static Optional<Money> money(JsonObject json, String name) {
    JsonObject money = json.getJsonObject(name);
    return money == null ? Optional.empty() : Optional.of(Money.newBuilder()
        .setAmount(money.getLong("amount", 0L)).setCurrency(money.getString("currency", "")).build());
  }
}
