package org.emporium.checkout;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.clients.Clients;
import org.emporium.platform.eventbus.ForwardedRequest;
import org.emporium.testing.SharedNodes;
import org.emporium.testing.TestNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real node for checkout tests (role {@code checkout-test}: identity, customer, pricing, catalog,
 * inventory, cart, checkout, edge and the relay) with the payment and ordering stand-ins, and
 * helpers for products with stock, filled carts, checkouts over REST and the database.
 */
final class CheckoutNode implements AutoCloseable {

  static final String PASSWORD = "correct horse battery";
  static final Principal ADMIN = new Principal("checkout-tests-admin", UUID.randomUUID(), "https://issuer.test",
      Set.of("admin"), Set.of("*"), null, "sid-checkout-tests", "admin@example.com", "Admin");

  final TestNode node;
  final WebClient web;
  final Pool db;
  final CheckoutStandIns standIns;
  private final String shopId;
  private final String categoryId;

  private CheckoutNode(TestNode node, boolean standIns) {
    this.node = node;
    this.web = WebClient.create(vertx(), new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(node.httpPort()), new PoolOptions().setHttp1MaxSize(100));
    this.db = new Clients(node.config()).postgresUnshared(vertx(), "checkout", 4);
    this.standIns = standIns ? CheckoutStandIns.register(vertx()) : null;
    this.shopId = created("catalog.createShop", new JsonObject().put("slug", "checkout-tests").put("name", "Tests"));
    this.categoryId = created("catalog.createCategory", new JsonObject().put("slug", "checkout-tests")
        .put("name", "Tests"));
  }

  /** Quick password hashing and short checkout timings for tests. */
  static final Map<String, String> FAST = Map.of("identity.password.memoryKib", "64",
      "identity.password.iterations", "1", "checkout.stepTimeoutMs", "1500", "checkout.sagaLeaseMs", "4000",
      "checkout.sweepIntervalMs", "200", "checkout.retryDelayMs", "50");

  /** A node of every role (the real payment and ordering contexts, no stand-ins) with {@link #FAST} and {@code settings}. */
  static CheckoutNode withEveryContext(Path dir, Map<String, String> settings) {
    Map<String, String> all = new HashMap<>(FAST);
    all.putAll(settings);
    return new CheckoutNode(TestNode.start(dir, all), false);
  }

  /** Helpers around a node started elsewhere (no stand-ins). */
  static CheckoutNode around(TestNode node) {
    return new CheckoutNode(node, false);
  }

  /** The node the checkout tests share; started on first use, stopped when the JVM ends. */
  static CheckoutNode shared() {
    return SharedNodes.get("checkout", () -> {
      try {
        Map<String, String> settings = new HashMap<>(FAST);
        settings.put("roles", "checkout-test");
        return new CheckoutNode(TestNode.start(Files.createTempDirectory("checkout-test"), settings), true);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  Vertx vertx() {
    return node.node().vertx();
  }

  /** A SKU of a new published product priced {@code usd} cents, with {@code stock} units on hand. */
  String sku(long usd, int stock) {
    return sku("CO-" + UUID.randomUUID().toString().substring(0, 18), usd, stock);
  }

  /** {@link #sku(long, int)} under a name chosen in advance (settings that name SKUs). */
  String sku(String sku, long usd, int stock) {
    created("catalog.createProduct", new JsonObject().put("title", "Product " + sku).put("description", "For checkout.")
        .put("categoryId", categoryId).put("shopId", shopId).put("status", "published")
        .put("variants", new JsonArray().add(new JsonObject().put("sku", sku).put("options", new JsonObject()
            .put("n", "1")).put("weightGrams", 100).put("prices", new JsonArray()
                .add(new JsonObject().put("currency", "USD").put("amount", usd))))));
    if (stock > 0) {
      call("inventory.receive", new JsonObject().put("sku", sku).put("quantity", stock).put("reference", "seed-" + sku));
    }
    return sku;
  }

  /** A promotion of {@code percent} % off with one new code; returns the code. */
  String coupon(String percent) {
    String code = "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    call("pricing.createPromotion", ForwardedRequest.envelope("createPromotion", new JsonObject(), new JsonObject(),
        new JsonObject(), new JsonObject().put("name", "Test " + code).put("kind", "percent_off").put("percent", percent)
            .put("codes", new JsonArray().add(code)), ADMIN, "203.0.113.7"));
    return code;
  }

  /** A new guest cart holding {@code quantity} of {@code sku}: {@code {cartId, cartToken}}. */
  JsonObject guestCart(String sku, int quantity) {
    JsonObject cart = call("cart.create", ForwardedRequest.envelope("createCart", new JsonObject(), new JsonObject(),
        new JsonObject(), new JsonObject().put("currency", "USD"), null, "203.0.113.9")).getJsonObject("body");
    expect(200, HttpMethod.POST, "/api/v1/carts/" + cart.getString("cartId") + "/items", null,
        cart.getString("cartToken"), null, new JsonObject().put("sku", sku).put("quantity", quantity));
    return cart;
  }

  JsonObject cart(JsonObject guest) {
    return expect(200, HttpMethod.GET, "/api/v1/carts/" + guest.getString("cartId"), null,
        guest.getString("cartToken"), null, null);
  }

  /** A checkout request body for a guest cart. */
  static JsonObject checkoutBody(String cartId, String card) {
    return new JsonObject().put("cartId", cartId).put("email", "guest@example.com")
        .put("shippingAddress", new JsonObject().put("name", "Ada Guest").put("line1", "1 Main St")
            .put("city", "Berlin").put("postalCode", "10115").put("country", "DE"))
        .put("payment", new JsonObject().put("method", "card").put("cardNumber", card));
  }

  Future<HttpResponse<Buffer>> checkout(String bearer, String cartToken, String key, JsonObject body) {
    HttpRequest<Buffer> request = web.request(HttpMethod.POST, "/api/v1/checkout").timeout(60_000);
    if (bearer != null) {
      request.putHeader("Authorization", "Bearer " + bearer);
    }
    if (cartToken != null) {
      request.putHeader("X-Cart-Token", cartToken);
    }
    if (key != null) {
      request.putHeader("Idempotency-Key", key);
    }
    return request.sendJsonObject(body);
  }

  HttpResponse<Buffer> checkoutNow(String bearer, String cartToken, String key, JsonObject body) {
    return await(checkout(bearer, cartToken, key, body));
  }

  HttpResponse<Buffer> http(HttpMethod method, String path, String bearer, String cartToken, JsonObject body) {
    HttpRequest<Buffer> request = web.request(method, path).timeout(60_000);
    if (bearer != null) {
      request.putHeader("Authorization", "Bearer " + bearer);
    }
    if (cartToken != null) {
      request.putHeader("X-Cart-Token", cartToken);
    }
    return await(body == null ? request.send() : request.sendJsonObject(body));
  }

  JsonObject expect(int status, HttpMethod method, String path, String bearer, String cartToken, String key,
      JsonObject body) {
    HttpResponse<Buffer> response = http(method, path, bearer, cartToken, body);
    if (response.statusCode() != status) {
      throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.bodyAsString());
    }
    String text = response.bodyAsString();
    return text == null || text.isEmpty() ? new JsonObject() : new JsonObject(text);
  }

  /** A new customer's access token. */
  String customer() {
    String email = "shopper-" + UUID.randomUUID() + "@example.com";
    expect(201, HttpMethod.POST, "/api/v1/auth/register", null, null, null, new JsonObject().put("email", email)
        .put("password", PASSWORD).put("name", "Shopper"));
    return expect(200, HttpMethod.POST, "/api/v1/auth/login", null, null, null, new JsonObject().put("email", email)
        .put("password", PASSWORD)).getString("access_token");
  }

  JsonObject call(String address, JsonObject body) {
    return await(vertx().eventBus().<JsonObject>request(address, body, new DeliveryOptions().setSendTimeout(30_000))
        .map(Message::body));
  }

  private String created(String address, JsonObject body) {
    JsonObject reply = call(address, ForwardedRequest.envelope(address, new JsonObject(), new JsonObject(),
        new JsonObject(), body, ADMIN, "203.0.113.7"));
    if (reply.getInteger("status") != 201) {
      throw new IllegalStateException(address + " answered " + reply);
    }
    return reply.getJsonObject("body").getString("id");
  }

  long available(String sku) {
    return call("inventory.availability", new JsonObject().put("skus", new JsonArray().add(sku)))
        .getJsonArray("items").getJsonObject(0).getLong("available");
  }

  /** {@code on_hand} and {@code reserved} of the SKU summed over warehouses. */
  long[] stock(String sku) {
    Row row = rows("SELECT coalesce(sum(on_hand), 0) AS on_hand, coalesce(sum(reserved), 0) AS reserved "
        + "FROM inventory.stock WHERE sku = $1", sku).get(0);
    return new long[] {row.getLong("on_hand"), row.getLong("reserved")};
  }

  String reservationStatus(String reservationId) {
    List<Row> found = rows("SELECT status FROM inventory.reservation WHERE id = $1", UUID.fromString(reservationId));
    return found.isEmpty() ? null : found.get(0).getString("status");
  }

  List<Row> rows(String sql, Object... args) {
    List<Row> rows = new ArrayList<>();
    await(db.preparedQuery(sql).execute(Tuple.from(args))).forEach(rows::add);
    return rows;
  }

  static <T> T await(Future<T> future) {
    try {
      return future.await(90, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    web.close();
    db.close();
    node.close();
  }
}
