package org.emporium.reliability.hostile;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

import static io.vertx.core.http.HttpMethod.POST;

/**
 * What the suites work on, made over REST at start: a published product with stock, a coupon, and
 * two customers (Alice, the fuzzer's customer, and Bob, the one others try to reach), each with an
 * address, a paid order and a cart holding a line; a guest cart; and a spare account that admin
 * operations of the fuzzer may aim at.
 */
public record World(String adminToken, Shopper alice, Shopper bob, String spareAccountId, String shopId,
    String categoryId, String brandId, String productId, String productSlug, String sku, String couponCode,
    String promotionId, String guestCartId, String guestCartToken) {

  public static final String PASSWORD = "correct horse battery";
  public static final String CARD_OK = "4242424242424242";

  /** A customer and what they own. */
  public record Shopper(String accountId, String email, String accessToken, String refreshToken, String addressId,
      String orderId, String paymentId, String cartId) {
  }

  static World seed(HostileNode node) {
    String admin = node.expect(200, POST, "/api/v1/auth/login", null, new JsonObject()
        .put("email", "admin@emporium.local").put("password", HostileNode.ADMIN_PASSWORD)).getString("access_token");
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String shop = created(node, admin, "/api/v1/admin/shops", new JsonObject().put("slug", "hostile-" + tag)
        .put("name", "Hostile"));
    String category = created(node, admin, "/api/v1/admin/categories", new JsonObject().put("slug", "hostile-" + tag)
        .put("name", "Hostile"));
    String brand = created(node, admin, "/api/v1/admin/brands", new JsonObject().put("slug", "hostile-" + tag)
        .put("name", "Hostile"));
    String sku = "HOSTILE-" + tag.toUpperCase();
    JsonObject product = node.expect(201, POST, "/api/v1/products", admin, new JsonObject().put("title", "Target " + tag)
        .put("description", "Fuzzed.").put("categoryId", category).put("brandId", brand).put("shopId", shop)
        .put("status", "published").put("variants", new JsonArray().add(new JsonObject().put("sku", sku)
            .put("options", new JsonObject().put("size", "M")).put("weightGrams", 100)
            .put("prices", new JsonArray().add(new JsonObject().put("currency", "USD").put("amount", 1250))))));
    node.expect(201, POST, "/api/v1/inventory/" + sku + "/receipts", admin, new JsonObject().put("quantity", 100_000));
    String coupon = "HOSTILE" + tag.toUpperCase();
    String promotion = created(node, admin, "/api/v1/admin/promotions", new JsonObject().put("name", "Hostile")
        .put("kind", "percent_off").put("percent", "10").put("codes", new JsonArray().add(coupon)));
    Shopper alice = shopper(node, "alice", sku);
    Shopper bob = shopper(node, "bob", sku);
    String spare = node.expect(201, POST, "/api/v1/auth/register", null, new JsonObject()
        .put("email", "spare-" + tag + "@example.com").put("password", PASSWORD).put("name", "Spare"))
        .getString("customerId");
    JsonObject guest = node.expect(201, POST, "/api/v1/carts", null, new JsonObject().put("currency", "USD"));
    String guestCart = guest.getString("cartId");
    String guestToken = guest.getString("cartToken");
    addLine(node, guestCart, null, guestToken, sku);
    return new World(admin, alice, bob, spare, shop, category, brand, product.getString("id"), product.getString("slug"),
        sku, coupon, promotion, guestCart, guestToken);
  }

  private static Shopper shopper(HostileNode node, String name, String sku) {
    String email = name + "-" + UUID.randomUUID() + "@example.com";
    String accountId = node.expect(201, POST, "/api/v1/auth/register", null, new JsonObject().put("email", email)
        .put("password", PASSWORD).put("name", name)).getString("customerId");
    JsonObject tokens = node.expect(200, POST, "/api/v1/auth/login", null, new JsonObject().put("email", email)
        .put("password", PASSWORD));
    String token = tokens.getString("access_token");
    String addressId = node.expect(201, POST, "/api/v1/me/addresses", token, address(name)).getString("addressId");
    String cart = node.expect(201, POST, "/api/v1/carts", token, new JsonObject().put("currency", "USD"))
        .getString("cartId");
    addLine(node, cart, token, null, sku);
    JsonObject order = node.expect(201, POST, "/api/v1/checkout", token, checkout(cart, name),
        io.vertx.core.MultiMap.caseInsensitiveMultiMap().add("Idempotency-Key", UUID.randomUUID().toString()));
    String liveCart = node.call(POST, "/api/v1/carts", token, new JsonObject().put("currency", "USD")).bodyAsJsonObject()
        .getString("cartId");
    addLine(node, liveCart, token, null, sku);
    return new Shopper(accountId, email, token, tokens.getString("refresh_token"), addressId, order.getString("orderId"),
        order.getString("paymentId"), liveCart);
  }

  public static JsonObject address(String name) {
    return new JsonObject().put("name", name).put("line1", "1 Main St").put("city", "Berlin").put("postalCode", "10115")
        .put("country", "DE");
  }

  /** A checkout body for {@code cartId} with the card that is always accepted. */
  public static JsonObject checkout(String cartId, String name) {
    return new JsonObject().put("cartId", cartId).put("shippingAddress", address(name))
        .put("payment", new JsonObject().put("method", "card").put("cardNumber", CARD_OK));
  }

  private static void addLine(HostileNode node, String cartId, String token, String cartToken, String sku) {
    io.vertx.core.MultiMap headers = io.vertx.core.MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json");
    if (token != null) {
      headers.add("Authorization", "Bearer " + token);
    }
    if (cartToken != null) {
      headers.add("X-Cart-Token", cartToken);
    }
    int status = HostileNode.await(node.send(POST, "/api/v1/carts/" + cartId + "/items", headers,
        new JsonObject().put("sku", sku).put("quantity", 1).toBuffer())).statusCode();
    if (status != 200) {
      throw new AssertionError("adding a line to the seeded cart answered " + status);
    }
  }

  private static String created(HostileNode node, String admin, String uri, JsonObject body) {
    return node.expect(201, POST, uri, admin, body).getString("id");
  }

  /** The personas' access tokens: null for the anonymous one. */
  public String token(Persona persona) {
    return switch (persona) {
      case ANONYMOUS -> null;
      case CUSTOMER -> alice.accessToken();
      case ADMIN -> adminToken;
    };
  }

  static HttpMethod method(String name) {
    return HttpMethod.valueOf(name.toUpperCase());
  }
}
