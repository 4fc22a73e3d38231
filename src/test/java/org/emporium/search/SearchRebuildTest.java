package org.emporium.search;

import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.emporium.platform.clients.Clients;
import org.emporium.search.domain.PriceConversion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.search.SearchFixture.await;
import static org.emporium.search.SearchFixture.eventually;

/**
 * A replica rebuilds itself from {@code catalog.exportProducts} (and {@code inventory.availability})
 * when it is empty or behind what Kafka still holds, and otherwise resumes from its own positions.
 */
class SearchRebuildTest {

  static final Duration BOUND = Duration.ofSeconds(60);
  static final int PRODUCTS = 1_200;
  @TempDir
  static Path dir;
  static SearchFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new SearchFixture(dir);
    for (int i = 0; i < PRODUCTS; i++) {
      String id = String.format("01940000-0000-7000-8000-%012d", i);
      fixture.standIns.published.put(id, Products.product(id, "Bulk Item " + i, "Bulkco", Products.APPAREL,
          "BULK-" + i, Map.of("USD", 1000L + i), "2026-11-01T10:00:00Z", 1));
    }
    fixture.standIns.stock.put("BULK-7", 4L);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  static long total(String query) {
    return fixture.search(query).getLong("total");
  }

  @Test
  void anEmptyReplicaIsRebuiltFromTheCatalogThenFollowsKafkaAndResumesAfterARestart() {
    Path replica = dir.resolve("replica");
    int pages = fixture.standIns.exportPages.get();
    String deployment = fixture.deploySearch(fixture.vertx, replica, PriceConversion.NONE);
    eventually(() -> total("brand=bulkco"), n -> n == PRODUCTS, BOUND);
    assertThat(fixture.standIns.exportPages.get() - pages).isEqualTo(3);
    assertThat(fixture.search("inStock=true").getJsonArray("items").getJsonObject(0).getString("name"))
        .isEqualTo("Bulk Item 7");

    String fresh = UUID.randomUUID().toString();
    fixture.catalogEvent("published", Products.product(fresh, "Fresh Fennel", "Bulkco", Products.APPAREL, "FEN-1",
        Map.of("USD", 300L), "2026-11-02T10:00:00Z", 1));
    eventually(() -> total("q=fennel"), n -> n == 1, BOUND);

    await(fixture.vertx.undeploy(deployment));
    String whileDown = UUID.randomUUID().toString();
    fixture.catalogEvent("published", Products.product(whileDown, "Dormant Dill", "Bulkco", Products.APPAREL, "DILL-1",
        Map.of("USD", 300L), "2026-11-02T10:00:00Z", 1));
    deployment = fixture.deploySearch(fixture.vertx, replica, PriceConversion.NONE);
    eventually(() -> total("q=dill"), n -> n == 1, BOUND);
    assertThat(total("brand=bulkco")).isEqualTo(PRODUCTS + 2);
    assertThat(fixture.standIns.exportPages.get() - pages).as("resumed, not rebuilt").isEqualTo(3);

    await(fixture.vertx.undeploy(deployment));
    fixture.catalogEvent("published", Products.product(UUID.randomUUID().toString(), "Lost Leek", "Bulkco",
        Products.APPAREL, "LEEK-1", Map.of("USD", 300L), "2026-11-02T10:00:00Z", 1));
    dropEverythingKafkaHolds("catalog.product.v1");
    fixture.deploySearch(fixture.vertx, replica, PriceConversion.NONE);
    eventually(() -> fixture.standIns.exportPages.get() - pages, n -> n == 6, BOUND);
    eventually(() -> total("brand=bulkco"), n -> n == PRODUCTS, BOUND);
    assertThat(total("q=dill")).as("the catalog's export is the truth after a rebuild").isZero();
  }

  @Test
  void withoutInventoryTheRebuildReadsStockFromTheStartOfItsTopic() {
    fixture.stockEvent("BULK-11", "test-1", 9);
    fixture.standIns.inventoryDown = true;
    try {
      String deployment = fixture.deploySearch(fixture.vertx, dir.resolve("replica-without-inventory"),
          PriceConversion.NONE);
      eventually(() -> fixture.search("inStock=true&limit=100").getJsonArray("items").stream()
          .map(i -> ((io.vertx.core.json.JsonObject) i).getString("name")).toList(),
          names -> names.contains("Bulk Item 11"), BOUND);
      await(fixture.vertx.undeploy(deployment));
    } finally {
      fixture.standIns.inventoryDown = false;
    }
  }

  /** Moves the topic's oldest offsets to its ends, as retention would: the replica missed an event it can no longer read. */
  private static void dropEverythingKafkaHolds(String topic) {
    Map<String, String> settings = new Clients(fixture.node.config()).kafkaCommon("search-test-ends");
    settings.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    settings.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(new HashMap<>(settings))) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      Map<TopicPartition, RecordsToDelete> deletes = consumer.endOffsets(partitions).entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, e -> RecordsToDelete.beforeOffset(e.getValue())));
      fixture.admin().deleteRecords(deletes).all().get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
