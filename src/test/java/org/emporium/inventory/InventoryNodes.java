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
import org.emporium.platform.clients.Clients;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.Problems;
import org.emporium.testing.TestNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Two clustered nodes (role {@code all}) on one embedded PostgreSQL, Redis and Kafka, shared by the
 * inventory tests of a run. The second node uses the first one's servers. A stand-in for the catalog
 * context answers {@code catalog.lookupSkus} as its contract says: SKUs starting with {@code GHOST}
 * do not exist. Sweepers run every 200 ms on both nodes.
 */
final class InventoryNodes {

  static final String ADMIN_EMAIL = "admin@emporium.local";
  static final String ADMIN_PASSWORD = "An admin password for tests";
  private static InventoryNodes shared;

  final TestNode first;
  final TestNode second;
  final Pool db;

  private InventoryNodes(TestNode first, TestNode second) {
    this.first = first;
    this.second = second;
    this.db = new Clients(first.config()).postgresUnshared(first.node().vertx(), "inventory", 4);
  }

  static synchronized InventoryNodes get() {
    if (shared == null) {
      shared = start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        shared.second.close();
        shared.first.close();
      }));
    }
    return shared;
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
      catalogStandIn(first.node().vertx());
      NodeConfig a = first.config();
      Map<String, String> joined = new HashMap<>(settings);
      joined.put("http.port", String.valueOf(TestNode.freePort()));
      joined.put("embedded.enabled", "false");
      joined.put("postgres.host", a.postgres().shared().host());
      joined.put("postgres.port", String.valueOf(a.postgres().shared().port()));
      joined.put("postgres.user", a.postgres().shared().user());
      joined.put("postgres.password", a.postgres().shared().password());
      joined.put("postgres.database", a.postgres().shared().database());
      joined.put("redis.host", a.redis().host());
      joined.put("redis.port", String.valueOf(a.redis().port()));
      joined.put("kafka.bootstrapServers", a.kafka().bootstrapServers());
      joined.put("cluster.members", "127.0.0.1:" + a.cluster().port());
      TestNode second = TestNode.start(Files.createTempDirectory("inventory-b"), joined);
      return new InventoryNodes(first, second);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers like {@code catalog.lookupSkus}: every SKU exists except those starting with GHOST. */
  private static void catalogStandIn(Vertx vertx) {
    vertx.eventBus().<JsonObject>consumer("catalog.lookupSkus", message -> {
      JsonArray items = new JsonArray();
      JsonArray missing = new JsonArray();
      message.body().getJsonArray("skus").forEach(sku -> {
        if (String.valueOf(sku).startsWith("GHOST")) {
          missing.add(sku);
        } else {
          items.add(new JsonObject().put("sku", sku).put("productId", UUID.randomUUID().toString())
              .put("title", "Product " + sku).put("status", "published").put("options", new JsonObject())
              .put("weightGrams", 100).putNull("price").putNull("compareAt").putNull("priceSource"));
        }
      });
      message.reply(new JsonObject().put("items", items).put("missing", missing));
    }).completion().await();
  }

  Vertx a() {
    return first.node().vertx();
  }

  Vertx b() {
    return second.node().vertx();
  }

  static String newSku() {
    return "SKU-" + UUID.randomUUID().toString().substring(0, 13);
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
