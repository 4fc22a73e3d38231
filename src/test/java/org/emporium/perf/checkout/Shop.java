package org.emporium.perf.checkout;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.eventbus.ForwardedRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's catalogue and shoppers: published products priced in USD with a very large stock,
 * and guest carts of 1 to 3 lines made ahead of each measured point (a checkout empties its cart).
 */
final class Shop {

  /** A guest cart ready for one checkout. */
  record Cart(String cartId, String token) {
  }

  static final String SKU_PREFIX = "CKB-";
  private static final DeliveryOptions BUS = new DeliveryOptions().setSendTimeout(60_000);
  private static final Principal ADMIN = new Principal("bench-admin", UUID.randomUUID(), "https://bench",
      Set.of("admin"), Set.of("*"), null, "sid-bench", "admin@example.com", "Admin");
  /** What one receipt may bring in; each SKU gets three. */
  private static final int RECEIPT = 1_000_000;

  private final Vertx vertx;
  private final int products;

  Shop(Vertx vertx, int products) {
    this.vertx = vertx;
    this.products = products;
  }

  static String sku(int index) {
    return SKU_PREFIX + index;
  }

  /** Products {@code CKB-1..CKB-n}, one variant each, 5.00 to 54.99 USD, 3,000,000 units each. */
  void seed() throws Exception {
    String shop = created("catalog.createShop", new JsonObject().put("slug", "bench").put("name", "Bench"));
    String category = created("catalog.createCategory", new JsonObject().put("slug", "bench").put("name", "Bench"));
    for (int i = 1; i <= products; i++) {
      created("catalog.createProduct", new JsonObject().put("title", "Bench product " + i).put("categoryId", category)
          .put("shopId", shop).put("status", "published").put("variants", new JsonArray().add(new JsonObject()
              .put("sku", sku(i)).put("options", new JsonObject()).put("weightGrams", 100).put("prices",
                  new JsonArray().add(new JsonObject().put("currency", "USD").put("amount", 500 + (i * 997) % 5000))))));
    }
    List<Future<?>> receipts = new ArrayList<>();
    for (int i = 1; i <= products; i++) {
      for (int r = 0; r < 3; r++) {
        receipts.add(vertx.eventBus().request("inventory.receive", new JsonObject().put("sku", sku(i))
            .put("quantity", RECEIPT).put("reference", "bench-" + i + "-" + r), BUS));
      }
      if (receipts.size() >= 60) {
        Future.all(receipts).await(120, TimeUnit.SECONDS);
        receipts.clear();
      }
    }
    Future.all(receipts).await(120, TimeUnit.SECONDS);
  }

  /** {@code count} new guest carts, each of 1 to 3 distinct random products, one unit each; 64 made at a time. */
  List<Cart> carts(int count) throws Exception {
    return carts(count, 0);
  }

  /** As above with {@code lines} lines each (0: 1 to 3 at random). */
  List<Cart> carts(int count, int lines) throws Exception {
    List<Cart> carts = new ArrayList<>(count);
    List<Future<Cart>> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      batch.add(cart(lines == 0 ? 1 + ThreadLocalRandom.current().nextInt(3) : lines));
      if (batch.size() == 64 || i == count - 1) {
        Future.all(batch).await(300, TimeUnit.SECONDS);
        batch.forEach(f -> carts.add(f.result()));
        batch.clear();
      }
    }
    return carts;
  }

  private Future<Cart> cart(int lines) {
    JsonObject create = ForwardedRequest.envelope("createCart", new JsonObject(), new JsonObject(), new JsonObject(),
        new JsonObject().put("currency", "USD"), null, "127.0.0.1");
    return vertx.eventBus().<JsonObject>request("cart.create", create, BUS).compose(reply -> {
      JsonObject body = reply.body().getJsonObject("body");
      Cart cart = new Cart(body.getString("cartId"), body.getString("cartToken"));
      int first = 1 + ThreadLocalRandom.current().nextInt(products);
      Future<?> added = Future.succeededFuture();
      for (int l = 0; l < lines; l++) {
        String sku = sku(1 + (first - 1 + l * 7) % products);
        added = added.compose(v -> add(cart, sku));
      }
      return added.map(v -> cart);
    });
  }

  private Future<?> add(Cart cart, String sku) {
    JsonObject envelope = new JsonObject().put("operation", "addCartItem")
        .put("path", new JsonObject().put("cartId", cart.cartId())).put("query", new JsonObject())
        .put("headers", new JsonObject().put("x-cart-token", cart.token()))
        .put("body", new JsonObject().put("sku", sku).put("quantity", 1))
        .put("client", new JsonObject().put("ip", "127.0.0.1"));
    return vertx.eventBus().<JsonObject>request("cart.addItem", envelope, BUS).compose(reply ->
        reply.body().getInteger("status", 0) == 200 ? Future.succeededFuture()
            : Future.failedFuture("cart.addItem answered " + reply.body().encode()));
  }

  private String created(String address, JsonObject body) throws Exception {
    JsonObject envelope = ForwardedRequest.envelope(address, new JsonObject(), new JsonObject(), new JsonObject(),
        body, ADMIN, "127.0.0.1");
    JsonObject reply = (JsonObject) vertx.eventBus().request(address, envelope, BUS).await(60, TimeUnit.SECONDS).body();
    if (reply.getInteger("status") != 201) {
      throw new IllegalStateException(address + " answered " + reply);
    }
    return reply.getJsonObject("body").getString("id");
  }
}
