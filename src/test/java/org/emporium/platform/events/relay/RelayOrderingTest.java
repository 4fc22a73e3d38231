package org.emporium.platform.events.relay;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
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

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.platform.events.relay.RelayHarness.await;

/** Two relays at once keep every aggregate's events in order and publish each event once. */
class RelayOrderingTest {

  static final int EVENTS = 10_000;
  static final int AGGREGATES = 20;
  static final int EVENTS_PER_TRANSACTION = 5;
  static final int WRITERS = 16;
  static final String TOPIC = "ordering.item.v1";

  @TempDir
  static Path dir;
  static BackboneFixture fixture;
  static NodeConfig config;
  static Admin admin;
  static Vertx writer;
  static List<Vertx> relays = new ArrayList<>();

  @BeforeAll
  static void start() {
    fixture = BackboneFixture.start(dir, "ordering");
    config = RelayHarness.withEvents(fixture.config(), new JsonObject()
        .put("relay", new JsonObject().put("batchSize", 200).put("pollIntervalMs", 500)));
    admin = RelayHarness.admin(config);
    writer = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    relays.forEach(vertx -> await(vertx.close()));
    await(writer.close());
    admin.close(Duration.ofSeconds(5));
    fixture.close();
  }

  @Test
  void eachAggregatesEventsArriveInOrderAndOnceWithTwoRelays() throws Exception {
    for (int i = 0; i < 2; i++) {
      Vertx vertx = Vertx.vertx();
      relays.add(vertx);
      RelayHarness.deploy(vertx, RelayHarness.platform(config, admin));
    }
    Pool pool = fixture.clients().postgres(writer, "ordering");
    await(pool.query("CREATE TABLE ordering.item (id text PRIMARY KEY, seq int NOT NULL)").execute());
    for (int a = 0; a < AGGREGATES; a++) {
      await(pool.preparedQuery("INSERT INTO ordering.item VALUES ($1, 0)").execute(Tuple.of("item-" + a)));
    }

    Outbox outbox = RelayHarness.outbox("ordering");
    AtomicInteger transactionsLeft = new AtomicInteger(EVENTS / EVENTS_PER_TRANSACTION);
    List<Future<Void>> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      writers.add(writeUntilDone(pool, outbox, transactionsLeft));
    }
    await(Future.all(writers));

    RelayHarness.awaitCondition("both relays drained the outbox", Duration.ofSeconds(60),
        () -> RelayHarness.unpublished(pool, "ordering") == 0);
    assertThat(await(pool.query("SELECT count(*) FROM ordering.outbox WHERE published_at IS NOT NULL").execute())
        .iterator().next().getLong(0)).isEqualTo(EVENTS);
    assertThat(RelayHarness.endOffsetSum(config, TOPIC)).as("records on the topic").isEqualTo(EVENTS);
    assertThat(producerIds()).as("idempotent producers that wrote to the topic: both relays took part").hasSize(2);

    Map<String, Integer> lastSeq = new HashMap<>();
    Set<String> ids = new HashSet<>();
    for (ConsumerRecord<String, String> record : RelayHarness.readAll(config, TOPIC)) {
      CloudEvent event = CloudEvent.fromJson(record.value());
      int seq = event.data().getInteger("seq");
      int previous = lastSeq.getOrDefault(record.key(), 0);
      assertThat(seq).as("seq of %s after %d", record.key(), previous).isGreaterThan(previous);
      lastSeq.put(record.key(), seq);
      assertThat(ids.add(event.id())).as("event %s seen once", event.id()).isTrue();
    }
    assertThat(ids).hasSize(EVENTS);
    assertThat(lastSeq).hasSize(AGGREGATES);
    assertThat(lastSeq.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(EVENTS);
  }

  private static Set<Long> producerIds() throws Exception {
    List<TopicPartition> partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get(10, TimeUnit.SECONDS)
        .get(TOPIC).partitions().stream().map(p -> new TopicPartition(TOPIC, p.partition())).toList();
    Set<Long> producers = new HashSet<>();
    admin.describeProducers(partitions).all().get(10, TimeUnit.SECONDS).values()
        .forEach(state -> state.activeProducers().forEach(producer -> producers.add(producer.producerId())));
    return producers;
  }

  /**
   * One writer: transactions that bump an aggregate's sequence (locking its row, as a real state
   * change does) and publish its next events, until none are left to write.
   */
  private static Future<Void> writeUntilDone(Pool pool, Outbox outbox, AtomicInteger transactionsLeft) {
    if (transactionsLeft.getAndDecrement() <= 0) {
      return Future.succeededFuture();
    }
    String item = "item-" + ThreadLocalRandom.current().nextInt(AGGREGATES);
    return Transaction.run(pool, outbox, tx -> tx.connection()
            .preparedQuery("UPDATE ordering.item SET seq = seq + $2 WHERE id = $1 RETURNING seq")
            .execute(Tuple.of(item, EVENTS_PER_TRANSACTION))
            .map(rows -> {
              int last = rows.iterator().next().getInteger("seq");
              for (int seq = last - EVENTS_PER_TRANSACTION + 1; seq <= last; seq++) {
                tx.publish(OutboxEvent.of("item", item, "item.changed", new JsonObject().put("seq", seq)));
              }
              return (Void) null;
            }))
        .compose(done -> writeUntilDone(pool, outbox, transactionsLeft));
  }
}
