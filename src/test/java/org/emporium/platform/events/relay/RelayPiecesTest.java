package org.emporium.platform.events.relay;

import org.emporium.platform.events.TopicProvisioner;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.apache.kafka.clients.admin.Admin;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.events.CloudEvent;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.OutboxEvent;
import org.emporium.testing.BackboneFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay's pieces, driven without the verticle: discovery, one shard's claim, the clean-up. */
class RelayPiecesTest {

  @TempDir
  static Path dir;
  static BackboneFixture fixture;
  static NodeConfig config;
  static Admin admin;
  static Vertx vertx;
  static Context context;

  @BeforeAll
  static void start() {
    fixture = BackboneFixture.start(dir, "piecea", "relayc", "relayp");
    config = fixture.config();
    admin = RelayHarness.admin(config);
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
  }

  @AfterAll
  static void stop() {
    RelayHarness.await(vertx.close());
    admin.close(Duration.ofSeconds(5));
    fixture.close();
  }

  /** Runs {@code work} on one event-loop context, as the verticle does, and waits for it. */
  static <T> T onContext(Supplier<Future<T>> work) {
    Promise<T> result = Promise.promise();
    context.runOnContext(v -> work.get().onComplete(result));
    return RelayHarness.await(result.future());
  }

  @Test
  void discoversEveryOutboxSchemaOnTheServer() {
    List<OutboxSchema> found = onContext(() ->
        new OutboxSchemas(vertx, config.postgres(), fixture.clients(), 10_000).discover());
    assertThat(found).extracting(OutboxSchema::name).containsExactlyInAnyOrder("piecea", "relayc", "relayp");
    assertThat(found).extracting(OutboxSchema::serverKey).containsOnly(config.postgres().shared().serverKey());
  }

  @Test
  void aShardHeldByAnotherRelayIsSkippedAndFullBatchesSaySo() throws Exception {
    Pool relayp = fixture.clients().postgres(vertx, "relayp");
    Outbox outbox = RelayHarness.outbox("relayp");
    RelayHarness.commit(relayp, outbox, List.of(OutboxEvent.of("thing", "p-1", "thing.a", null),
        OutboxEvent.of("thing", "p-1", "thing.b", null), OutboxEvent.of("thing", "p-2", "thing.c", null)))
        .await(10, TimeUnit.SECONDS);
    OutboxProducer producer = onContext(() -> OutboxProducer.create(vertx,
        fixture.clients().kafkaProducerSettings("relay-test-shard"), config.events().relay()));
    TopicProvisioner topics = new TopicProvisioner(vertx, admin, config.events(), 10_000);
    ShardRelay shard = new ShardRelay(new OutboxSchema("relayp", "test", relayp), 1, 2, 10_000, topics, producer);

    var other = relayp.getConnection().await(10, TimeUnit.SECONDS);
    try {
      other.query("BEGIN").execute().await(10, TimeUnit.SECONDS);
      other.query("SELECT pg_advisory_xact_lock(hashtext('emporium_outbox.relayp'), 0)").execute()
          .await(10, TimeUnit.SECONDS);
      assertThat(onContext(() -> shard.publish(0))).isEqualTo(ShardBatch.SKIPPED);
      assertThat(RelayHarness.unpublished(relayp, "relayp")).isEqualTo(3);
      other.query("COMMIT").execute().await(10, TimeUnit.SECONDS);
    } finally {
      other.close().await(10, TimeUnit.SECONDS);
    }

    assertThat(onContext(() -> shard.publish(0))).isEqualTo(new ShardBatch(2, true, false));
    assertThat(onContext(() -> shard.publish(0))).isEqualTo(new ShardBatch(1, false, false));
    assertThat(onContext(() -> shard.publish(0))).isEqualTo(new ShardBatch(0, false, false));
    assertThat(RelayHarness.readAll(config, "relayp.thing.v1").stream()
        .map(r -> CloudEvent.fromJson(r.value()).type()).toList())
        .containsExactly("emporium.relayp.thing.a.v1", "emporium.relayp.thing.b.v1", "emporium.relayp.thing.c.v1");
    onContext(() -> producer.close(Duration.ofSeconds(5)));
  }

  @Test
  void cleanUpDeletesOnlyPublishedRowsOlderThanTheRetention() throws Exception {
    Pool relayc = fixture.clients().postgres(vertx, "relayc");
    String insert = "INSERT INTO relayc.outbox (id, topic, aggregate_id, event_type, envelope, created_at, published_at) "
        + "VALUES ($1, 'relayc.thing.v1', 'c', 'x', '{}', now(), now() - $2::bigint * interval '1 millisecond')";
    List<Long> publishedAgoMs = List.of(7_200_000L, 7_300_000L, 7_400_000L, 60_000L);
    for (long ago : publishedAgoMs) {
      relayc.preparedQuery(insert).execute(Tuple.of(UUID.randomUUID(), ago)).await(10, TimeUnit.SECONDS);
    }
    relayc.preparedQuery("INSERT INTO relayc.outbox (id, topic, aggregate_id, event_type, envelope, created_at) "
        + "VALUES ($1, 'relayc.thing.v1', 'c', 'x', '{}', now() - interval '1 day')")
        .execute(Tuple.of(UUID.randomUUID())).await(10, TimeUnit.SECONDS);

    OutboxCleanup cleanup = new OutboxCleanup(new OutboxSchema("relayc", "test", relayc), 3_600_000, 2, 10_000);
    assertThat(onContext(cleanup::run)).isEqualTo(3);
    var left = relayc.query("SELECT count(*) FILTER (WHERE published_at IS NULL) AS unpublished, "
        + "count(*) AS total FROM relayc.outbox").execute().await(10, TimeUnit.SECONDS).iterator().next();
    assertThat(left.getLong("unpublished")).as("the unpublished row stays, however old").isEqualTo(1);
    assertThat(left.getLong("total")).as("plus the recently published one").isEqualTo(2);
  }
}
