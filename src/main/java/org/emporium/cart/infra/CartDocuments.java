package org.emporium.cart.infra;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.cart.domain.Cart;
import org.emporium.cart.domain.CartLine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A cart as the JSON document of its durable copy: everything needed to put it back in Redis. */
final class CartDocuments {

  private CartDocuments() {
  }

  static JsonObject toJson(Cart cart) {
    JsonArray lines = new JsonArray();
    cart.lines().forEach(line -> lines.add(new JsonObject().put("sku", line.sku()).put("quantity", line.quantity())
        .put("unitPrice", line.unitPrice()).put("productId", text(line.productId())).put("title", line.title())
        .put("position", line.position())));
    return new JsonObject()
        .put("id", cart.id().toString())
        .put("customerId", text(cart.customerId()))
        .put("tokenHash", cart.tokenHash())
        .put("currency", cart.currency())
        .put("lines", lines)
        .put("couponCodes", new JsonArray(cart.couponCodes()))
        .put("version", cart.version())
        .put("nextPosition", cart.nextPosition())
        .put("createdAt", text(cart.createdAt()))
        .put("updatedAt", text(cart.updatedAt()))
        .put("expiresAt", text(cart.expiresAt()))
        .put("mergedInto", text(cart.mergedInto()))
        .put("mergedBy", text(cart.mergedBy()))
        .put("lastOrderId", text(cart.lastOrderId()));
  }

  static Cart fromJson(JsonObject json) {
    List<CartLine> lines = new ArrayList<>();
    json.getJsonArray("lines", new JsonArray()).forEach(item -> {
      JsonObject line = (JsonObject) item;
      lines.add(new CartLine(line.getString("sku"), line.getInteger("quantity"), line.getLong("unitPrice"),
          uuid(line.getString("productId")), line.getString("title"), line.getLong("position")));
    });
    return new Cart(UUID.fromString(json.getString("id")), uuid(json.getString("customerId")),
        json.getString("tokenHash"), json.getString("currency"), lines,
        json.getJsonArray("couponCodes", new JsonArray()).stream().map(String::valueOf).toList(),
        json.getLong("version"), json.getLong("nextPosition", 0L), instant(json.getString("createdAt")),
        instant(json.getString("updatedAt")), instant(json.getString("expiresAt")), uuid(json.getString("mergedInto")),
        uuid(json.getString("mergedBy")), uuid(json.getString("lastOrderId")));
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static UUID uuid(String text) {
    return text == null ? null : UUID.fromString(text);
  }

  private static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }
}
