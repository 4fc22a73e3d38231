package org.emporium.platform.events.relay;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.events.CloudEvent;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.OutboxEvent;
import org.emporium.platform.events.consumer.EventConsumer;
import org.emporium.platform.node.Platform;
import org.emporium.testing.BackboneFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.platform.events.relay.RelayHarness.await;
import static org.emporium.platform.events.relay.RelayHarness.awaitCondition;

/**
 * The whole path, end to end: the relay publishes an event, then "crashes" after Kafka acknowledged
 * it and before its mark committed (the mark is undone, which is the state such a crash leaves), so
 * the next relay pass publishes it again; the consumer sees it twice and applies it once.
 */
class RelayCrashRedeliveryTest {

  @TempDir
  Path dir;

  @Test
  void anEventPublishedTwiceAfterARelayCrashHasOneEffect() throws Exception {
    try (BackboneFixture fixture = BackboneFixture.start(dir, "crashsrc", "crashdst")) {
      NodeConfig config = fixture.config();
      Admin admin = RelayHarness.admin(config);
      Vertx vertx = Vertx.vertx();
      try {
        Platform platform = RelayHarness.platform(config, admin);
        Pool source = fixture.clients().postgres(vertx, "crashsrc");
        Pool target = fixture.clients().postgres(vertx, "crashdst");
        await(target.query("CREATE TABLE crashdst.effect (subject text PRIMARY KEY, n int NOT NULL)").execute());
        RelayHarness.deploy(vertx, platform);
        EventConsumer consumer = EventConsumer.builder(vertx, platform)
            .context("crashdst").name("counter").topics("crashsrc.thing.v1")
            .handler((event, tx) -> tx.connection().preparedQuery("INSERT INTO crashdst.effect VALUES ($1, 1) "
                + "ON CONFLICT (subject) DO UPDATE SET n = effect.n + 1").execute(Tuple.of(event.subject())).mapEmpty())
            .build();
        await(consumer.start());

        Outbox outbox = RelayHarness.outbox("crashsrc");
        await(RelayHarness.commit(source, outbox, List.of(OutboxEvent.of("thing", "t-1", "thing.created", new JsonObject()))));
        awaitCondition("the first delivery was applied", Duration.ofSeconds(60), () -> effects(target, "t-1") == 1);

        UUID id = await(source.query("SELECT id FROM crashsrc.outbox WHERE aggregate_id = 't-1'").execute())
            .iterator().next().getUUID(0);
        await(source.preparedQuery("UPDATE crashsrc.outbox SET published_at = NULL WHERE id = $1").execute(Tuple.of(id)));
        // the next commit wakes the relay, which republishes t-1 along with t-2
        await(RelayHarness.commit(source, outbox, List.of(OutboxEvent.of("thing", "t-2", "thing.created", new JsonObject()))));
        awaitCondition("the second delivery was handled", Duration.ofSeconds(60), () -> effects(target, "t-2") == 1);
        awaitCondition("both copies of t-1 are on the topic", Duration.ofSeconds(30),
            () -> RelayHarness.readAll(config, "crashsrc.thing.v1").stream()
                .filter(r -> r.key().equals("t-1")).count() == 2);

        List<ConsumerRecord<String, String>> copies = RelayHarness.readAll(config, "crashsrc.thing.v1").stream()
            .filter(r -> r.key().equals("t-1")).toList();
        assertThat(copies).extracting(r -> CloudEvent.fromJson(r.value()).id()).containsOnly(id.toString());
        // the group has committed past every record, the duplicate included
        awaitCondition("the consumer committed to the end of the topic", Duration.ofSeconds(30),
            () -> committedSum(admin, consumer.groupId()) == RelayHarness.endOffsetSum(config, "crashsrc.thing.v1"));
        assertThat(effects(target, "t-1")).isEqualTo(1);
        assertThat(await(target.preparedQuery("SELECT count(*) FROM crashdst.processed_event WHERE event_id = $1")
            .execute(Tuple.of(id))).iterator().next().getLong(0)).isEqualTo(1);
        await(consumer.stop());
      } finally {
        await(vertx.close());
        admin.close(Duration.ofSeconds(5));
      }
    }
  }

  private static long committedSum(Admin admin, String group) {
    try {
      return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
          .values().stream().mapToLong(offset -> offset == null ? 0 : offset.offset()).sum();
    } catch (Exception e) {
      return -1;
    }
  }

  private static int effects(Pool pool, String subject) {
    var rows = await(pool.preparedQuery("SELECT n FROM crashdst.effect WHERE subject = $1").execute(Tuple.of(subject)));
    return rows.size() == 0 ? 0 : rows.iterator().next().getInteger(0);
  }
}
