package org.emporium.cart.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.cart.application.OpeningCarts;
import org.emporium.cart.domain.Cart;

import java.time.Instant;

/** Carts as the contract shows them (schema {@code Cart}); money in minor units of the cart currency. */
final class CartJson {

  private CartJson() {
  }

  static JsonObject cart(Cart cart) {
    JsonArray lines = new JsonArray();
    cart.lines().forEach(line -> lines.add(new JsonObject()
        .put("sku", line.sku())
        .put("productId", line.productId() == null ? null : line.productId().toString())
        .put("title", line.title())
        .put("quantity", line.quantity())
        .put("unitPrice", money(line.unitPrice(), cart.currency()))
        .put("lineTotal", money(line.total(), cart.currency()))));
    return new JsonObject()
        .put("cartId", cart.id().toString())
        .put("customerId", cart.customerId() == null ? null : cart.customerId().toString())
        .put("currency", cart.currency())
        .put("lines", lines)
        .put("itemCount", cart.itemCount())
        .put("subtotal", money(cart.subtotal(), cart.currency()))
        .put("couponCodes", new JsonArray(cart.couponCodes()))
        .put("version", cart.version())
        .put("createdAt", time(cart.createdAt()))
        .put("updatedAt", time(cart.updatedAt()))
        .put("expiresAt", time(cart.expiresAt()));
  }

  /** The answer to opening a cart: its id, the guest token (only for a guest cart), and the cart. */
  static JsonObject opened(OpeningCarts.Opened opened) {
    JsonObject json = new JsonObject().put("cartId", opened.cart().id().toString());
    if (opened.token() != null) {
      json.put("cartToken", opened.token());
    }
    return json.put("cart", cart(opened.cart()));
  }

  /** {@code cart.checkoutView}'s answer. */
  static JsonObject checkoutView(Cart cart) {
    JsonArray lines = new JsonArray();
    cart.lines().forEach(line -> lines.add(new JsonObject().put("sku", line.sku()).put("quantity", line.quantity())
        .put("unitPrice", money(line.unitPrice(), cart.currency()))));
    return new JsonObject()
        .put("cartId", cart.id().toString())
        .put("customerId", cart.customerId() == null ? null : cart.customerId().toString())
        .put("currency", cart.currency())
        .put("lines", lines)
        .put("couponCodes", new JsonArray(cart.couponCodes()))
        .put("version", cart.version());
  }

  private static JsonObject money(long amount, String currency) {
    return new JsonObject().put("amount", amount).put("currency", currency);
  }

  private static String time(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
