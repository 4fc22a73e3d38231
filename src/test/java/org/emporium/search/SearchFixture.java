package org.emporium.search;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.emporium.platform.clients.Clients;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.events.CloudEvent;
import org.emporium.platform.id.TimeOrderedIds;
import org.emporium.platform.node.Platform;
import org.emporium.platform.node.Readiness;
import org.emporium.search.api.SearchVerticle;
import org.emporium.search.domain.PriceConversion;
import org.emporium.testing.Eventually;
import org.emporium.testing.TestNode;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real node (edge only: embedded PostgreSQL, Redis and Kafka, REST on a free port) with the
 * catalog and inventory stand-ins on its bus, a Kafka producer for catalog and stock events, and
 * search verticles deployed on demand with a data directory of their own.
 */
final class SearchFixture implements AutoCloseable {

  final TestNode node;
  final Vertx vertx;
  final SearchStandIns standIns;
  final WebClient client;
  private final KafkaProducer<String, String> producer;
  private final Admin admin;

  SearchFixture(Path dir) {
    node = TestNode.start(dir.resolve("node"), Map.of("roles", "edge"));
    vertx = node.node().vertx();
    standIns = new SearchStandIns().register(vertx);
    Clients clients = new Clients(node.config());
    producer = clients.kafkaProducer(vertx, "search-test");
    admin = Admin.create(new HashMap<>(clients.kafkaCommon("search-test-admin")));
    client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(node.httpPort()));
    createTopics();
  }

  /** The topics as the catalog's and inventory's relays would create them, so events can be sent before any replica runs. */
  private void createTopics() {
    try {
      admin.createTopics(List.of(new NewTopic("catalog.product.v1", 6, (short) 1),
          new NewTopic("inventory.stock.v1", 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("topics not created", e);
    }
  }

  /** The platform a search verticle gets, with its replica under {@code dataDir}. */
  Platform platform(Path dataDir) {
    JsonObject json = node.config().json().copy().put("dataDir", dataDir.toString());
    NodeConfig config = NodeConfig.from(json);
    Clock clock = Clock.systemUTC();
    return new Platform(config, clock, new TimeOrderedIds(clock), new Clients(config), new Readiness(), null, admin);
  }

  String deploySearch(Vertx on, Path dataDir, PriceConversion rates) {
    return await(on.deployVerticle(new SearchVerticle(platform(dataDir), rates)));
  }

  /** A search verticle converting prices with the node's exchange-rate cache (fed by the pricing stand-in). */
  String deploySearch(Vertx on, Path dataDir) {
    return await(on.deployVerticle(new SearchVerticle(platform(dataDir))));
  }

  /**
   * Deploys a search verticle on an empty replica and returns once its rebuild has asked
   * {@code catalog} for products. The rebuild notes Kafka's end offsets before that first export
   * page, so every event sent from then on reaches the replica through Kafka even though the
   * stand-in catalog never exports it.
   */
  String deployEmptyReplica(Vertx on, SearchStandIns catalog, Path dataDir, PriceConversion rates) {
    int pages = catalog.exportPages.get();
    String deployment = rates == null ? deploySearch(on, dataDir) : deploySearch(on, dataDir, rates);
    eventually(catalog.exportPages::get, n -> n > pages, Duration.ofSeconds(30));
    return deployment;
  }

  Admin admin() {
    return admin;
  }

  /** Publishes a catalog event carrying {@code product} as its snapshot, keyed by {@code key}. */
  void catalogEvent(String key, String type, JsonObject product) {
    send("catalog.product.v1", key, "/emporium/test-1/catalog", "emporium.catalog.product." + type + ".v1",
        new JsonObject().put("product", product));
  }

  void catalogEvent(String type, JsonObject product) {
    catalogEvent(product.getString("id"), type, product);
  }

  void stockEvent(String sku, String region, long available) {
    send("inventory.stock.v1", sku, "/emporium/test-1/inventory", "emporium.inventory.stock.changed.v1",
        new JsonObject().put("sku", sku).put("region", region).put("available", available)
            .put("onHand", available).put("reserved", 0));
  }

  private void send(String topic, String key, String source, String type, JsonObject data) {
    CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), source, type, Instant.now(), key, data,
        "test-1", 1, null);
    KafkaProducerRecord<String, String> record = KafkaProducerRecord.create(topic, key, event.toJson().encode());
    record.addHeader("content-type", CloudEvent.MEDIA_TYPE);
    await(producer.send(record));
  }

  /** GET {@code /api/v1/search} (or another path) with its query string. */
  HttpResponse<Buffer> get(String pathAndQuery) {
    return await(client.get(pathAndQuery).send());
  }

  JsonObject search(String query) {
    HttpResponse<Buffer> response = get("/api/v1/search?" + query);
    if (response.statusCode() != 200) {
      throw new AssertionError("search " + query + " answered " + response.statusCode() + ": " + response.bodyAsString());
    }
    return response.bodyAsJsonObject();
  }

  /** Repeats {@code probe} until {@code done} holds, for at most {@code bound}; returns the last result. */
  static <T> T eventually(java.util.function.Supplier<T> probe, Predicate<T> done, Duration bound) {
    return Eventually.eventually(probe, done, bound);
  }

  static <T> T await(io.vertx.core.Future<T> future) {
    try {
      return future.await(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no answer within 60 s", e);
    }
  }

  @Override
  public void close() {
    await(producer.close());
    admin.close(Duration.ofSeconds(5));
    node.close();
  }
}
