package org.emporium.inventory;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Two clustered nodes (role {@code all}) on one embedded PostgreSQL, Redis and Kafka, shared by the
 * inventory tests of a run. The second node uses the first one's servers. SKUs come from products made
 * in the real catalog context; a SKU no product has ({@code GHOST-...}) is unknown to the catalog.
 * Sweepers run every 200 ms on both nodes.
 */
final class InventoryNodes implements AutoCloseable {

  static final String ADMIN_EMAIL = "admin@emporium.local";
  static final String ADMIN_PASSWORD = "An admin password for tests";
  private static final Principal ADMIN = new Principal("inventory-tests-admin", UUID.randomUUID(), "https://issuer.test",
      Set.of("admin"), Set.of("*"), null, "sid-inventory-tests", "admin@example.com", "Admin");
  private static String shopId;
  private static String categoryId;

  final TestNode first;
  final TestNode second;
  final Pool db;

  private InventoryNodes(TestNode first, TestNode second) {
    this.first = first;
    this.second = second;
    this.db = new Clients(first.config()).postgresUnshared(first.node().vertx(), "inventory", 4);
  }

  static InventoryNodes get() {
    return SharedNodes.get("inventory", InventoryNodes::start);
  }

  @Override
  public void close() {
    second.close();
    first.close();
  }

  private static InventoryNodes start() {
    try {
      Map<String, String> settings = new HashMap<>(Map.of("adminPassword", ADMIN_PASSWORD,
          "identity.password.memoryKib", "64", "identity.password.iterations", "1",
          "inventory.sweepIntervalMs", "200", "inventory.signalIntervalMs", "200"));
      // one issuer for the cluster: a login answered by either node yields a token both edges trust
      int port = TestNode.freePort();
      settings.put("http.port", String.valueOf(port));
      settings.put("identity.issuerUrl", "http://127.0.0.1:" + port);
      TestNode first = TestNode.start(Files.createTempDirectory("inventory-a"), settings);
      catalogue(first.node().vertx());
      TestNode second = TestNode.start(Files.createTempDirectory("inventory-b"), first.joining(settings));
      return new InventoryNodes(first, second);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The real catalog's shop and category that every test product goes into. */
  private static void catalogue(Vertx vertx) {
    shopId = created(vertx, "catalog.createShop", new JsonObject().put("slug", "inventory-tests").put("name", "Tests"));
    categoryId = created(vertx, "catalog.createCategory",
        new JsonObject().put("slug", "inventory-tests").put("name", "Tests"));
  }

  private static String created(Vertx vertx, String address, JsonObject body) {
    JsonObject envelope = ForwardedRequest.envelope(address, new JsonObject(), new JsonObject(), new JsonObject(),
        body, ADMIN, "203.0.113.7");
    JsonObject reply = call(vertx, address, envelope);
    if (reply.getInteger("status") != 201) {
      throw new IllegalStateException(address + " answered " + reply);
    }
    return reply.getJsonObject("body").getString("id");
  }

  Vertx a() {
    return first.node().vertx();
  }

  Vertx b() {
    return second.node().vertx();
  }

  /** A SKU of a new product in the real catalog (inventory asks the catalog before stocking a SKU). */
  static String newSku() {
    String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 13);
    JsonObject variant = new JsonObject().put("sku", sku).put("options", new JsonObject()).put("weightGrams", 100)
        .put("prices", new JsonArray().add(new JsonObject().put("currency", "USD").put("amount", 1000)));
    created(get().a(), "catalog.createProduct", new JsonObject().put("title", "Product " + sku)
        .put("description", "Stocked by the inventory tests.").put("categoryId", categoryId).put("shopId", shopId)
        .put("variants", new JsonArray().add(variant)));
    return sku;
  }

  static <T> T await(Future<T> future) {
    try {
      return future.await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static Future<JsonObject> send(Vertx vertx, String address, JsonObject body) {
    return vertx.eventBus().<JsonObject>request(address, body, new DeliveryOptions().setSendTimeout(30_000))
        .map(Message::body);
  }

  static JsonObject call(Vertx vertx, String address, JsonObject body) {
    return await(send(vertx, address, body));
  }

  /** The problem a request failed with. */
  static Problem problem(Vertx vertx, String address, JsonObject body) {
    try {
      send(vertx, address, body).await(60, TimeUnit.SECONDS);
    } catch (ReplyException e) {
      return Problems.from(e);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected " + address + " to fail");
  }

  void receive(String sku, int quantity) {
    call(a(), "inventory.receive", new JsonObject().put("sku", sku).put("quantity", quantity));
  }

  static JsonObject reservation(UUID id, String reference, Object... skuAndQuantity) {
    JsonArray lines = new JsonArray();
    for (int i = 0; i < skuAndQuantity.length; i += 2) {
      lines.add(new JsonObject().put("sku", skuAndQuantity[i]).put("quantity", skuAndQuantity[i + 1]));
    }
    return new JsonObject().put("reservationId", id.toString()).put("reference", reference).put("lines", lines);
  }

  List<Row> rows(String sql, Object... args) {
    List<Row> rows = new java.util.ArrayList<>();
    await(db.preparedQuery(sql).execute(Tuple.from(args))).forEach(rows::add);
    return rows;
  }

  long number(String sql, Object... args) {
    Row row = rows(sql, args).get(0);
    Object value = row.getValue(0);
    return value == null ? 0 : ((Number) value).longValue();
  }
}
