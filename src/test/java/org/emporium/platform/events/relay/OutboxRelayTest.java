package org.emporium.platform.events.relay;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.emporium.platform.events.relay.RelayHarness.awaitCondition;

/** The relay verticle publishes what committed, once, woken by notifications, and creates topics. */
class OutboxRelayTest {

  @TempDir
  static Path dir;
  static BackboneFixture fixture;
  static NodeConfig config;
  static Admin admin;
  static Vertx vertx;
  static Pool pool;

  @BeforeAll
  static void start() {
    fixture = BackboneFixture.start(dir, "relaya", "relayb");
    // polling every ten minutes: within a test only LISTEN/NOTIFY can wake the relay
    config = RelayHarness.withEvents(fixture.config(), new JsonObject()
        .put("relay", new JsonObject().put("pollIntervalMs", 600_000))
        .put("partitions", 2)
        .put("topics", new JsonObject()
            .put("relaya.thing.v1", new JsonObject().put("partitions", 3).put("retentionMs", 3_600_000))
            .put("relayb.listed.v1", new JsonObject().put("partitions", 4))));
    admin = RelayHarness.admin(config);
    vertx = Vertx.vertx();
    pool = fixture.clients().postgres(vertx, "relaya");
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(20, TimeUnit.SECONDS);
    admin.close(Duration.ofSeconds(5));
    fixture.close();
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

  private static String header(ConsumerRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static String retentionMs(String topic) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    return admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource)
        .get("retention.ms").value();
  }
}
