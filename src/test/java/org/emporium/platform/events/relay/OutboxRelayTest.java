package org.emporium.platform.events.relay;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.events.CloudEvent;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.OutboxEvent;
import org.emporium.platform.events.Transaction;
import org.emporium.testing.BackboneFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.emporium.platform.events.relay.RelayHarness.awaitCondition;

/** The relay verticle publishes what committed, once, and creates topics; its pieces work alone. */
class OutboxRelayTest {

  @TempDir
  static Path dir;
  static BackboneFixture fixture;
  static NodeConfig config;
  static Admin admin;
  static Vertx vertx;
  static Context context;
  static Pool pool;

  @BeforeAll
  static void start() {
    fixture = BackboneFixture.start(dir, "relaya", "relayb", "relayc", "relayp");
    config = RelayHarness.withEvents(fixture.config(), new JsonObject()
        .put("partitions", 2)
        .put("topics", new JsonObject()
            .put("relaya.thing.v1", new JsonObject().put("partitions", 3).put("retentionMs", 3_600_000))
            .put("relayb.listed.v1", new JsonObject().put("partitions", 4))));
    admin = RelayHarness.admin(config);
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
    pool = fixture.clients().postgres(vertx, "relaya");
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(20, TimeUnit.SECONDS);
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
  void publishesACommittedEventOnceAndARolledBackOneNever() throws Exception {
    String deployment = RelayHarness.deploy(vertx, RelayHarness.platform(config, admin));
    try {
      Outbox outbox = RelayHarness.outbox("relaya");
      Future<Void> rolledBack = Transaction.run(pool, outbox, tx -> {
        tx.publish(OutboxEvent.of("thing", "gone-1", "thing.created", new JsonObject()));
        return Future.failedFuture(new IllegalStateException("rule broken"));
      });
      assertThatThrownBy(() -> rolledBack.await(10, TimeUnit.SECONDS)).hasMessageContaining("rule broken");
      RelayHarness.commit(pool, outbox, List.of(OutboxEvent.of("thing", "kept-1", "thing.created",
          new JsonObject().put("n", 1)))).await(10, TimeUnit.SECONDS);

      awaitCondition("the relay published the outbox", Duration.ofSeconds(30),
          () -> RelayHarness.unpublished(pool, "relaya") == 0);
      var row = pool.query("SELECT id, published_at FROM relaya.outbox WHERE aggregate_id = 'kept-1'").execute()
          .await(10, TimeUnit.SECONDS).iterator().next();
      assertThat(row.getOffsetDateTime("published_at")).isNotNull();

      List<ConsumerRecord<String, String>> records = RelayHarness.readAll(config, "relaya.thing.v1");
      assertThat(records).noneMatch(r -> r.key().equals("gone-1"));
      List<ConsumerRecord<String, String>> kept = records.stream().filter(r -> r.key().equals("kept-1")).toList();
      assertThat(kept).hasSize(1);
      ConsumerRecord<String, String> record = kept.get(0);
      CloudEvent event = CloudEvent.fromJson(record.value());
      assertThat(event.id()).isEqualTo(row.getUUID("id").toString());
      assertThat(event.data().getInteger("n")).isEqualTo(1);
      assertThat(header(record, "content-type")).isEqualTo(CloudEvent.MEDIA_TYPE);
      assertThat(header(record, "ce_id")).isEqualTo(event.id());
      assertThat(header(record, "ce_type")).isEqualTo("emporium.relaya.thing.created.v1");
    } finally {
      vertx.undeploy(deployment).await(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void createsConfiguredTopicsAtStartAndOthersWhenFirstNamed() throws Exception {
    String deployment = RelayHarness.deploy(vertx, RelayHarness.platform(config, admin));
    try {
      Map<String, TopicDescription> configured = admin.describeTopics(List.of("relaya.thing.v1", "relayb.listed.v1"))
          .allTopicNames().get(10, TimeUnit.SECONDS);
      assertThat(configured.get("relaya.thing.v1").partitions()).hasSize(3);
      assertThat(configured.get("relayb.listed.v1").partitions()).hasSize(4);
      assertThat(retentionMs("relaya.thing.v1")).isEqualTo("3600000");

      Pool relayb = fixture.clients().postgres(vertx, "relayb");
      RelayHarness.commit(relayb, RelayHarness.outbox("relayb"),
          List.of(OutboxEvent.of("other", "o-1", "other.happened", null))).await(10, TimeUnit.SECONDS);
      awaitCondition("relayb published", Duration.ofSeconds(30), () -> RelayHarness.unpublished(relayb, "relayb") == 0);
      TopicDescription lazy = admin.describeTopics(List.of("relayb.other.v1")).allTopicNames()
          .get(10, TimeUnit.SECONDS).get("relayb.other.v1");
      assertThat(lazy.partitions()).hasSize(2);
      assertThat(retentionMs("relayb.other.v1")).isEqualTo(String.valueOf(config.events().retentionMs()));
      assertThat(RelayHarness.readAll(config, "relayb.other.v1")).extracting(ConsumerRecord::key).containsExactly("o-1");
    } finally {
      vertx.undeploy(deployment).await(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void discoversEveryOutboxSchemaOnTheServer() {
    List<OutboxSchema> found = onContext(() ->
        new OutboxSchemas(vertx, config.postgres(), fixture.clients(), 10_000).discover());
    assertThat(found).extracting(OutboxSchema::name).contains("relaya", "relayb", "relayc", "relayp");
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

  private static String header(ConsumerRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static String retentionMs(String topic) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    return admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource)
        .get("retention.ms").value();
  }
}
