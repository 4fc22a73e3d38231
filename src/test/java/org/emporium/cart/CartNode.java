package org.emporium.cart;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.clients.Clients;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.Problems;
import org.emporium.platform.eventbus.ForwardedRequest;
import org.emporium.testing.SharedNodes;
import org.emporium.testing.TestNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real node for cart tests (role {@code cart-test}: identity, customer, catalog, cart, edge and the
 * relay, no pricing), with REST and event-bus helpers, Redis and the cart schema. SKUs are variants
 * of products made in the real catalog, priced in USD and EUR.
 */
final class CartNode implements AutoCloseable {

  static final String PASSWORD = "correct horse battery";
  private static final Principal ADMIN = new Principal("cart-tests-admin", UUID.randomUUID(), "https://issuer.test",
      Set.of("admin"), Set.of("*"), null, "sid-cart-tests", "admin@example.com", "Admin");

  final TestNode node;
  final WebClient web;
  final Pool db;
  final Redis redis;
  private final String shopId;
  private final String categoryId;

  private CartNode(TestNode node) {
    this.node = node;
    this.web = WebClient.create(vertx(), new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(node.httpPort()));
    this.db = new Clients(node.config()).postgresUnshared(vertx(), "cart", 2);
    this.redis = new Clients(node.config()).redis(vertx());
    this.shopId = created("catalog.createShop", new JsonObject().put("slug", "cart-tests").put("name", "Tests"));
    this.categoryId = created("catalog.createCategory", new JsonObject().put("slug", "cart-tests").put("name", "Tests"));
  }

  /** The node most cart tests share; started on first use, stopped when the JVM ends. */
  static CartNode shared() {
    return SharedNodes.get("cart", () -> start(Map.of("cart.flushDelayMs", "300", "cart.sweepIntervalMs", "100")));
  }

  static CartNode start(Map<String, String> overrides) {
    Map<String, String> settings = new HashMap<>(Map.of("roles", "cart-test", "identity.password.memoryKib", "64",
        "identity.password.iterations", "1"));
    settings.putAll(overrides);
    try {
      return new CartNode(TestNode.start(Files.createTempDirectory("cart-test"), settings));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Vertx vertx() {
    return node.node().vertx();
  }

  /** A SKU of a new product, priced 1,000 USD cents and 900 EUR cents; {@code published} or a draft. */
  String newSku(boolean published) {
    return newSkus(1, published, 1000).get(0);
  }

  /** {@code count} SKUs of one new product (at most 100), each priced {@code usd} cents and 90% of it in EUR. */
  List<String> newSkus(int count, boolean published, long usd) {
    return newSkus(count, published, usd, null);
  }

  /** As above, the product titled {@code title} (null: "Product" and its first SKU). */
  List<String> newSkus(int count, boolean published, long usd, String title) {
    List<String> skus = new ArrayList<>();
    JsonArray variants = new JsonArray();
    for (int i = 0; i < count; i++) {
      String sku = "CART-" + UUID.randomUUID().toString().substring(0, 18);
      skus.add(sku);
      variants.add(new JsonObject().put("sku", sku).put("options", new JsonObject().put("n", String.valueOf(i)))
          .put("weightGrams", 100).put("prices", new JsonArray()
              .add(new JsonObject().put("currency", "USD").put("amount", usd))
              .add(new JsonObject().put("currency", "EUR").put("amount", usd * 9 / 10))));
    }
    created("catalog.createProduct", new JsonObject().put("title", title == null ? "Product " + skus.get(0) : title)
        .put("description", "Sold by the cart tests.").put("categoryId", categoryId).put("shopId", shopId)
        .put("status", published ? "published" : "draft").put("variants", variants));
    return skus;
  }

  private String created(String address, JsonObject body) {
    JsonObject reply = call(address, ForwardedRequest.envelope(address, new JsonObject(), new JsonObject(),
        new JsonObject(), body, ADMIN, "203.0.113.7"));
    if (reply.getInteger("status") != 201) {
      throw new IllegalStateException(address + " answered " + reply);
    }
    return reply.getJsonObject("body").getString("id");
  }

  /** A new customer's access token. */
  String customer() {
    String email = "shopper-" + UUID.randomUUID() + "@example.com";
    expect(201, HttpMethod.POST, "/api/v1/auth/register", null, null, new JsonObject().put("email", email)
        .put("password", PASSWORD).put("name", "Shopper"));
    return expect(200, HttpMethod.POST, "/api/v1/auth/login", null, null, new JsonObject().put("email", email)
        .put("password", PASSWORD)).getString("access_token");
  }

  HttpResponse<Buffer> http(HttpMethod method, String path, String bearer, String cartToken, JsonObject body) {
    HttpRequest<Buffer> request = web.request(method, path).timeout(30_000);
    if (bearer != null) {
      request.putHeader("Authorization", "Bearer " + bearer);
    }
    if (cartToken != null) {
      request.putHeader("X-Cart-Token", cartToken);
    }
    try {
      return (body == null ? request.send() : request.sendJsonObject(body)).await(40, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(method + " " + path + " failed", e);
    }
  }

  JsonObject expect(int status, HttpMethod method, String path, String bearer, String cartToken, JsonObject body) {
    HttpResponse<Buffer> response = http(method, path, bearer, cartToken, body);
    assertThat(response.statusCode()).as("%s %s: %s", method, path, response.bodyAsString()).isEqualTo(status);
    String text = response.bodyAsString();
    return text == null || text.isEmpty() ? new JsonObject() : new JsonObject(text);
  }

  Future<JsonObject> send(String address, JsonObject body) {
    return vertx().eventBus().<JsonObject>request(address, body, new DeliveryOptions().setSendTimeout(30_000))
        .map(Message::body);
  }

  JsonObject call(String address, JsonObject body) {
    return await(send(address, body));
  }

  /** The problem a request failed with. */
  Problem problem(String address, JsonObject body) {
    try {
      send(address, body).await(40, TimeUnit.SECONDS);
    } catch (ReplyException e) {
      return Problems.from(e);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected " + address + " to fail");
  }

  /** A forwarded request as the edge sends it: the cart in the path, the guest token, the caller. */
  static JsonObject envelope(String operation, JsonObject path, String cartToken, JsonObject body, Principal caller) {
    JsonObject headers = new JsonObject();
    if (cartToken != null) {
      headers.put("x-cart-token", cartToken);
    }
    return ForwardedRequest.envelope(operation, path, new JsonObject(), headers, body, caller, "203.0.113.9");
  }

  /** A signed-in customer as the edge describes one (role customer). */
  static Principal customerPrincipal() {
    UUID id = UUID.randomUUID();
    return new Principal(id.toString(), id, "https://issuer.test", Set.of("customer"),
        Set.of("customer:self", "cart:own", "checkout:place", "orders:own"), null, "sid-" + id, null, null);
  }

  /** A new guest cart: {@code {cartId, cartToken, cart}}. */
  JsonObject guestCart(String currency) {
    JsonObject body = currency == null ? null : new JsonObject().put("currency", currency);
    return call("cart.create", envelope("createCart", new JsonObject(), null, body, null)).getJsonObject("body");
  }

  Response redis(Command command, Object... args) {
    return await(redis.send(Request.cmd(command, args)));
  }

  List<Row> rows(String sql, Object... args) {
    List<Row> rows = new ArrayList<>();
    await(db.preparedQuery(sql).execute(Tuple.from(args))).forEach(rows::add);
    return rows;
  }

  static <T> T await(Future<T> future) {
    try {
      return future.await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    web.close();
    redis.close();
    db.close();
    node.close();
  }
}
