package org.emporium.edge.grpc;

import io.vertx.core.json.JsonObject;
import org.emporium.edge.grpc.cart.v1.Cart;
import org.emporium.edge.grpc.cart.v1.CartCreated;
import org.emporium.edge.grpc.cart.v1.CartLine;
import org.emporium.edge.grpc.cart.v1.Money;

/** From the cart context's JSON (schema {@code Cart}) to {@code emporium.cart.v1} messages. */
final class CartMessages {

  private CartMessages() {
  }

  static CartCreated created(JsonObject json) {
    CartCreated.Builder created = CartCreated.newBuilder().setCartId(json.getString("cartId"))
        .setCart(cart(json.getJsonObject("cart")));
    if (json.getString("cartToken") != null) {
      created.setCartToken(json.getString("cartToken"));
    }
    return created.build();
  }

  static Cart cart(JsonObject json) {
    Cart.Builder cart = Cart.newBuilder().setCartId(json.getString("cartId")).setCurrency(json.getString("currency"))
        .setItemCount(json.getLong("itemCount")).setSubtotal(money(json.getJsonObject("subtotal")))
        .setVersion(json.getLong("version")).setCreatedAt(json.getString("createdAt", ""))
        .setUpdatedAt(json.getString("updatedAt", "")).setExpiresAt(json.getString("expiresAt", ""));
    if (json.getString("customerId") != null) {
      cart.setCustomerId(json.getString("customerId"));
    }
    json.getJsonArray("couponCodes").forEach(code -> cart.addCouponCodes((String) code));
    json.getJsonArray("lines").forEach(l -> {
      JsonObject line = (JsonObject) l;
      cart.addLines(CartLine.newBuilder().setSku(line.getString("sku"))
          .setProductId(line.getString("productId", "")).setTitle(line.getString("title", ""))
          .setQuantity(line.getInteger("quantity")).setUnitPrice(money(line.getJsonObject("unitPrice")))
          .setLineTotal(money(line.getJsonObject("lineTotal"))));
    });
    return cart.build();
  }

  private static Money money(JsonObject json) {
    return Money.newBuilder().setAmount(json.getLong("amount")).setCurrency(json.getString("currency")).build();
  }
}
