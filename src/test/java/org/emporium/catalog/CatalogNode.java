package org.emporium.catalog;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.emporium.platform.clients.Clients;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.Problems;
import org.emporium.testing.TestNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole node for catalog tests, with a REST client, the built-in issuer's tokens (admin, and
 * sellers granted a shop by the admin), the event bus and the catalog's tables.
 */
public final class CatalogNode implements AutoCloseable {

  static final String ADMIN_EMAIL = "admin@emporium.local";
  static final String ADMIN_PASSWORD = "An admin password for tests";
  private static final String PASSWORD = "correct horse battery";

  private final TestNode node;
  private final WebClient client;
  private final Pool pool;
  private String adminToken;

  private CatalogNode(TestNode node) {
    this.node = node;
    this.client = WebClient.create(vertx(), new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(node.httpPort()));
    this.pool = new Clients(node.config()).postgresUnshared(vertx(), "catalog", 2);
  }

  public static CatalogNode start(Path dir, Map<String, String> overrides) {
    Map<String, String> all = new HashMap<>(overrides);
    all.put("adminPassword", ADMIN_PASSWORD);
    return new CatalogNode(TestNode.start(dir, all));
  }

  public Vertx vertx() {
    return node.node().vertx();
  }

  public Pool pool() {
    return pool;
  }

  public int port() {
    return node.httpPort();
  }

  public HttpResponse<Buffer> call(HttpMethod method, String path, String token, JsonObject body) {
    HttpRequest<Buffer> request = client.request(method, path).timeout(15_000);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    try {
      return (body == null ? request.send() : request.sendJsonObject(body)).await(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(method + " " + path + " failed", e);
    }
  }

  public JsonObject expect(int status, HttpMethod method, String path, String token, JsonObject body) {
    HttpResponse<Buffer> response = call(method, path, token, body);
    assertThat(response.statusCode()).as("%s %s: %s", method, path, response.bodyAsString()).isEqualTo(status);
    String text = response.bodyAsString();
    return text == null || text.isEmpty() ? new JsonObject() : new JsonObject(text);
  }

  public String admin() {
    if (adminToken == null) {
      adminToken = login(ADMIN_EMAIL, ADMIN_PASSWORD);
    }
    return adminToken;
  }

  /** A new account granted the seller role for {@code shopId}, signed in again so its token carries the shop. */
  public String seller(String shopId) {
    String email = "seller-" + UUID.randomUUID() + "@example.com";
    String accountId = expect(201, HttpMethod.POST, "/api/v1/auth/register", null,
        new JsonObject().put("email", email).put("password", PASSWORD).put("name", "Seller")).getString("customerId");
    expect(200, HttpMethod.PUT, "/api/v1/admin/accounts/" + accountId + "/roles/seller", admin(),
        new JsonObject().put("shopId", shopId));
    return login(email, PASSWORD);
  }

  public String customer() {
    String email = "shopper-" + UUID.randomUUID() + "@example.com";
    expect(201, HttpMethod.POST, "/api/v1/auth/register", null,
        new JsonObject().put("email", email).put("password", PASSWORD).put("name", "Shopper"));
    return login(email, PASSWORD);
  }

  private String login(String email, String password) {
    return expect(200, HttpMethod.POST, "/api/v1/auth/login", null,
        new JsonObject().put("email", email).put("password", password)).getString("access_token");
  }

  /** Makes a shop, brand or category as the admin; answers its id. */
  public String create(String what, JsonObject body) {
    return expect(201, HttpMethod.POST, "/api/v1/admin/" + what, admin(), body).getString("id");
  }

  public JsonObject request(String address, JsonObject message) throws Exception {
    return vertx().eventBus().<JsonObject>request(address, message, new DeliveryOptions().setSendTimeout(10_000))
        .await(15, TimeUnit.SECONDS).body();
  }

  public Problem problem(String address, JsonObject message) throws Exception {
    try {
      throw new AssertionError("expected a problem, got " + request(address, message));
    } catch (ReplyException e) {
      return Problems.from(e);
    }
  }

  public List<Row> rows(String sql, Object... params) throws Exception {
    List<Row> rows = new ArrayList<>();
    pool.preparedQuery(sql).execute(Tuple.wrap(params)).await(10, TimeUnit.SECONDS).forEach(rows::add);
    return rows;
  }

  /** The events about one product in the catalog outbox, oldest first. */
  public List<JsonObject> events(String productId) throws Exception {
    return rows("SELECT envelope FROM catalog.outbox WHERE aggregate_id = $1 ORDER BY id", productId).stream()
        .map(row -> new JsonObject(row.getString("envelope"))).toList();
  }

  public static List<String> types(List<JsonObject> events) {
    return events.stream().map(e -> e.getString("type")).toList();
  }

  /** A minimal valid product input. */
  public static JsonObject product(String categoryId, String... skus) {
    JsonArray variants = new JsonArray();
    for (String sku : skus) {
      variants.add(new JsonObject().put("sku", sku).put("options", new JsonObject().put("size", "M"))
          .put("weightGrams", 300).put("dimensionsMm", new JsonObject().put("length", 300).put("width", 200)
              .put("height", 20))
          .put("barcode", "4006381333931")
          .put("prices", new JsonArray().add(new JsonObject().put("currency", "USD").put("amount", 1999))
              .add(new JsonObject().put("currency", "EUR").put("amount", 1899).put("compareAt", 2299))));
    }
    return new JsonObject().put("title", "Linen shirt").put("description", "Cool in summer.")
        .put("categoryId", categoryId).put("attributes", new JsonObject().put("material", "linen"))
        .put("media", new JsonArray().add(new JsonObject().put("url", "https://img.example.com/1.jpg")
            .put("alt", "A shirt")))
        .put("variants", variants);
  }

  @Override
  public void close() throws Exception {
    client.close();
    pool.close().await(5, TimeUnit.SECONDS);
    node.close();
  }
}
