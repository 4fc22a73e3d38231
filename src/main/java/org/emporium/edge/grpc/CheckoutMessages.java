package org.emporium.edge.grpc;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.edge.grpc.checkout.v1.Address;
import org.emporium.edge.grpc.checkout.v1.PlaceOrderRequest;
import org.emporium.edge.grpc.checkout.v1.PlacedOrder;


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
    return PlacedOrder.newBuilder().setOrder(OrderMessages.order(json)).setReplayed(replayed).build();
  }
}
