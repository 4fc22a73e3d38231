package org.emporium.search;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.emporium.platform.eventbus.ForwardedRequest;
import org.emporium.search.domain.PriceConversion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.search.SearchFixture.await;
import static org.emporium.search.SearchFixture.eventually;

/**
 * Two replicas with their own index directories, on two Vert.x instances, reading the same Kafka:
 * a product update becomes searchable on both. The delays are measured and logged, not asserted.
 */
class SearchFreshnessTest {

  private static final Logger LOG = LoggerFactory.getLogger(SearchFreshnessTest.class);
  static final Duration BOUND = Duration.ofSeconds(15);
  @TempDir
  static Path dir;
  static SearchFixture fixture;
  static Vertx other;

  @BeforeAll
  static void start() {
    fixture = new SearchFixture(dir);
    fixture.deployEmptyReplica(fixture.vertx, fixture.standIns, dir.resolve("replica-a"), PriceConversion.NONE);
    other = Vertx.vertx();
    fixture.deployEmptyReplica(other, new SearchStandIns().register(other), dir.resolve("replica-b"), PriceConversion.NONE);
  }

  @AfterAll
  static void stop() {
    await(other.close());
    fixture.close();
  }

  /** The names a replica finds for {@code q}, asked on its own event bus. */
  static List<String> names(Vertx on, String q) {
    JsonObject envelope = ForwardedRequest.envelope("search", new JsonObject(), new JsonObject().put("q", q),
        new JsonObject(), null, null, "127.0.0.1");
    Message<JsonObject> reply = await(on.eventBus().request("search.query", envelope, new DeliveryOptions().setSendTimeout(5000)));
    return reply.body().getJsonObject("body").getJsonArray("items").stream()
        .map(i -> ((JsonObject) i).getString("name")).toList();
  }

  @Test
  void anUpdateBecomesSearchableOnEveryReplica() {
    String id = UUID.randomUUID().toString();
    List<Long> delays = new ArrayList<>();
    for (int version = 1; version <= 5; version++) {
      String word = "Marigold" + (char) ('a' + version);
      JsonObject product = Products.product(id, "Garden " + word, "Flora", Products.APPAREL, "GARDEN-1",
          Map.of("USD", 500L), "2026-11-01T10:00:00Z", version);
      long sent = System.nanoTime();
      fixture.catalogEvent(version == 1 ? "published" : "updated", product);
      for (Vertx replica : List.of(fixture.vertx, other)) {
        Function<Vertx, List<String>> probe = on -> names(on, word);
        eventually(() -> probe.apply(replica), found -> found.contains("Garden " + word), BOUND);
        delays.add((System.nanoTime() - sent) / 1_000_000);
      }
      assertThat(names(fixture.vertx, "Marigold" + (char) ('a' + version - 1))).as("the old title is gone")
          .doesNotContain("Garden Marigold" + (char) ('a' + version - 1));
    }
    LOG.info("Update visible on both replicas after (ms, replica A then B per update): {}", delays);
  }
}
