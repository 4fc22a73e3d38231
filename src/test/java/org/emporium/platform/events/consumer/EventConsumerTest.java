package org.emporium.platform.events.consumer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.emporium.platform.events.CloudEvent;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.OutboxEvent;
import org.emporium.platform.id.TimeOrderedIds;
import org.emporium.testing.BackboneFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.platform.events.consumer.TestTopics.await;

/** Consumers against real Kafka and PostgreSQL: one effect per event, retries, dead letters, pause, lag. */
class EventConsumerTest {

  private static final String CONTEXT = "consumertest";

  @TempDir
  static Path dir;
  static BackboneFixture fixture;
  static Vertx vertx;
  static Pool pool;
  static TestTopics kafka;
  static Outbox producerSide;

  @BeforeAll
  static void start() throws Exception {
    // few attempts and short backoffs, from the configuration as in production
    fixture = BackboneFixture.start(dir, Map.of("events.consumer.maxAttempts", "3",
        "events.consumer.initialBackoffMs", "20", "events.consumer.maxBackoffMs", "80",
        "events.consumer.pollTimeoutMs", "100"), CONTEXT);
    vertx = Vertx.vertx();
    pool = fixture.clients().postgres(vertx, CONTEXT);
    pool.query("CREATE TABLE consumertest.effect (id text PRIMARY KEY, n int NOT NULL)").execute()
        .await(10, TimeUnit.SECONDS);
    kafka = new TestTopics(fixture.kafkaBootstrapServers());
    producerSide = new Outbox("shop", "eu-1", new TimeOrderedIds(Clock.systemUTC()), Clock.systemUTC());
  }

  @AfterAll
  static void stop() throws Exception {
    kafka.close();
    vertx.close().await(10, TimeUnit.SECONDS);
    fixture.close();
  }

  private static EventConsumerBuilder consumer(String name, String topic, EventHandler handler) {
    return EventConsumer.builder(vertx, fixture.config(), fixture.clients())
        .context(CONTEXT).name(name).topics(topic).handler(handler)
        .lagInterval(Duration.ofMillis(50))
        .stopTimeout(Duration.ofSeconds(10));
  }

  /** The effect: counts applications per subject, in the consumer's transaction. */
  private static Future<Void> count(CloudEvent event, org.emporium.platform.events.Transaction tx) {
    return tx.connection().preparedQuery("INSERT INTO consumertest.effect VALUES ($1, 1) "
        + "ON CONFLICT (id) DO UPDATE SET n = effect.n + 1").execute(Tuple.of(event.subject())).mapEmpty();
  }

  private static int effects(String subject) throws Exception {
    var rows = pool.preparedQuery("SELECT n FROM consumertest.effect WHERE id = $1").execute(Tuple.of(subject))
        .await(10, TimeUnit.SECONDS);
    return rows.size() == 0 ? 0 : rows.iterator().next().getInteger(0);
  }

  private static CloudEvent event(String subject, JsonObject data) {
    return producerSide.envelope(OutboxEvent.of("thing", subject, "thing.changed", data));
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  @Test
  void processedEventIdsAreForgottenAfterTheirRetention() throws Exception {
    String group = CONTEXT + ".pruner";
    Tuple old = Tuple.of(group, java.util.UUID.randomUUID(), "x.thing.v1",
        java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(30));
    Tuple recent = Tuple.of(group, java.util.UUID.randomUUID(), "x.thing.v1",
        java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(1));
    pool.preparedQuery("INSERT INTO consumertest.processed_event (consumer, event_id, topic, processed_at) "
        + "VALUES ($1, $2, $3, $4)").executeBatch(java.util.List.of(old, recent)).await(10, TimeUnit.SECONDS);
    kafka.create("pruner.thing.v1", 1);
    EventConsumer consumer = consumer("pruner", "pruner.thing.v1", EventConsumerTest::count).build();
    consumer.start().await(30, TimeUnit.SECONDS);
    try {
      long deadline = System.currentTimeMillis() + 20_000;
      while (remaining(old) > 0 && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      // default retention is 14 days: the 30-day-old id goes, yesterday's stays
      assertThat(remaining(old)).isZero();
      assertThat(remaining(recent)).isEqualTo(1);
    } finally {
      consumer.stop().await(30, TimeUnit.SECONDS);
    }
  }

  private static long remaining(Tuple row) throws Exception {
    return pool.preparedQuery("SELECT count(*) FROM consumertest.processed_event WHERE event_id = $1")
        .execute(Tuple.of(row.getUUID(1))).await(10, TimeUnit.SECONDS).iterator().next().getLong(0);
  }

  @Test
  void withAnAdminClientItCreatesItsTopicAndDeadLetterTopicAtStart() throws Exception {
    String topic = "autocreate.thing.v1";
    try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
        new java.util.HashMap<String, Object>(fixture.clients().kafkaCommon("consumer-test-admin")))) {
      EventConsumer consumer = consumer("autocreate", topic, EventConsumerTest::count).admin(admin).build();
      consumer.start().await(60, TimeUnit.SECONDS);
      try {
        java.util.Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        assertThat(topics).contains(topic, topic + ".dlq");
        assertThat(admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
            .get(topic).partitions()).hasSize(fixture.config().events().partitions());
      } finally {
        consumer.stop().await(30, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void anEventDeliveredTwiceHasOneEffectAndItsOffsetsAreCommitted() throws Exception {
    String topic = "dup.thing.v1";
    kafka.create(topic, 1);
    TopicPartition partition = new TopicPartition(topic, 0);
    CloudEvent event = event("dup-1", new JsonObject());
    // a relay that crashed after publishing and before marking publishes the same record again
    kafka.publish(topic, event);
    kafka.publish(topic, event);

    EventConsumer first = consumer("dup", topic, EventConsumerTest::count).build();
    first.start().await(20, TimeUnit.SECONDS);
    await("both records are committed", () -> kafka.committed("consumertest.dup", partition) == 2);
    first.stop().await(20, TimeUnit.SECONDS);

    assertThat(effects("dup-1")).isEqualTo(1);
    var processed = pool.preparedQuery("SELECT consumer, topic FROM consumertest.processed_event WHERE event_id = $1")
        .execute(Tuple.of(UUID.fromString(event.id()))).await(10, TimeUnit.SECONDS);
    assertThat(processed.size()).isEqualTo(1);
    assertThat(processed.iterator().next().getString("consumer")).isEqualTo("consumertest.dup");
    assertThat(processed.iterator().next().getString("topic")).isEqualTo(topic);

    // the group resumes after the commit: a new member sees only what came later
    CloudEvent later = event("dup-2", new JsonObject());
    kafka.publish(topic, later);
    List<String> seen = new CopyOnWriteArrayList<>();
    EventConsumer second = consumer("dup", topic, (e, tx) -> {
      seen.add(e.id());
      return count(e, tx);
    }).build();
    second.start().await(20, TimeUnit.SECONDS);
    await("the later event is handled", () -> effects("dup-2") == 1);
    second.stop().await(20, TimeUnit.SECONDS);
    assertThat(seen).containsExactly(later.id());
    assertThat(effects("dup-1")).isEqualTo(1);
  }

  @Test
  void aPoisonEventIsParkedAfterTheConfiguredAttemptsAndLaterEventsFlow() throws Exception {
    String topic = "poison.thing.v1";
    kafka.create(topic, 1);
    AtomicInteger poisonAttempts = new AtomicInteger();
    EventConsumer consumer = consumer("poison", topic, (event, tx) -> {
      if (event.data().getBoolean("poison", false)) {
        poisonAttempts.incrementAndGet();
        return Future.failedFuture(new IllegalStateException("cannot apply " + event.subject()));
      }
      return count(event, tx);
    }).build();
    CloudEvent poison = event("poison-1", new JsonObject().put("poison", true));
    kafka.publish(topic, poison);
    kafka.publish(topic, event("poison-2", new JsonObject()));
    kafka.publish(topic, event("poison-3", new JsonObject()));
    consumer.start().await(20, TimeUnit.SECONDS);

    ConsumerRecord<String, String> letter = kafka.read(topic + ".dlq", 1).get(0);
    await("the later events are applied", () -> effects("poison-2") == 1 && effects("poison-3") == 1);
    await("all three are committed", () -> kafka.committed("consumertest.poison", new TopicPartition(topic, 0)) == 3);
    consumer.stop().await(20, TimeUnit.SECONDS);

    assertThat(poisonAttempts).hasValue(3);
    assertThat(letter.key()).isEqualTo("poison-1");
    assertThat(letter.value()).isEqualTo(poison.toJson().encode());
    assertThat(header(letter, DeadLetters.ERROR_CLASS)).isEqualTo(IllegalStateException.class.getName());
    assertThat(header(letter, DeadLetters.ERROR_MESSAGE)).isEqualTo("cannot apply poison-1");
    assertThat(header(letter, DeadLetters.ATTEMPTS)).isEqualTo("3");
    assertThat(header(letter, DeadLetters.ORIGINAL_TOPIC)).isEqualTo(topic);
    assertThat(header(letter, DeadLetters.ORIGINAL_PARTITION)).isEqualTo("0");
    assertThat(header(letter, DeadLetters.ORIGINAL_OFFSET)).isEqualTo("0");
    assertThat(header(letter, DeadLetters.GROUP)).isEqualTo("consumertest.poison");
    assertThat(header(letter, "ce_id")).isEqualTo(poison.id());
    assertThat(effects("poison-1")).isZero();
  }

  @Test
  void aHandlerThatFailsTwiceIsRetriedAndAppliesOnce() throws Exception {
    String topic = "flaky.thing.v1";
    kafka.create(topic, 1);
    AtomicInteger calls = new AtomicInteger();
    EventConsumer consumer = consumer("flaky", topic, (event, tx) -> calls.incrementAndGet() <= 2
        ? Future.failedFuture(new IllegalStateException("not yet"))
        : count(event, tx)).build();
    kafka.publish(topic, event("flaky-1", new JsonObject()));
    consumer.start().await(20, TimeUnit.SECONDS);
    await("the event is committed", () -> kafka.committed("consumertest.flaky", new TopicPartition(topic, 0)) == 1);
    consumer.stop().await(20, TimeUnit.SECONDS);

    assertThat(calls).hasValue(3);
    assertThat(effects("flaky-1")).isEqualTo(1);
    assertThat(kafka.endOffset(new TopicPartition(topic + ".dlq", 0))).isZero();
  }

  @Test
  void aRecordThatIsNotACloudEventIsParkedAtOnce() throws Exception {
    String topic = "garbled.thing.v1";
    kafka.create(topic, 1);
    AtomicInteger calls = new AtomicInteger();
    EventConsumer consumer = consumer("garbled", topic, (event, tx) -> {
      calls.incrementAndGet();
      return count(event, tx);
    }).build();
    kafka.publishRaw(topic, "garbled-1", "{not json");
    kafka.publish(topic, event("garbled-2", new JsonObject()));
    consumer.start().await(20, TimeUnit.SECONDS);

    ConsumerRecord<String, String> letter = kafka.read(topic + ".dlq", 1).get(0);
    await("the next event is applied", () -> effects("garbled-2") == 1);
    consumer.stop().await(20, TimeUnit.SECONDS);

    assertThat(letter.key()).isEqualTo("garbled-1");
    assertThat(letter.value()).isEqualTo("{not json");
    assertThat(header(letter, DeadLetters.ATTEMPTS)).isEqualTo("1");
    assertThat(header(letter, DeadLetters.ERROR_CLASS)).isEqualTo(io.vertx.core.json.DecodeException.class.getName());
    assertThat(header(letter, DeadLetters.ORIGINAL_OFFSET)).isEqualTo("0");
    assertThat(calls).hasValue(1);
  }

  @Test
  void aPausedConsumerHoldsItsRecordsAndReportsTheLag() throws Exception {
    String topic = "held.thing.v1";
    kafka.create(topic, 1);
    TopicPartition partition = new TopicPartition(topic, 0);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    EventConsumer consumer = consumer("held", topic, EventConsumerTest::count).meterRegistry(registry).build();
    consumer.pause();
    consumer.start().await(20, TimeUnit.SECONDS);
    for (int i = 1; i <= 3; i++) {
      kafka.publish(topic, event("held-" + i, new JsonObject()));
    }
    await("the lag shows the three records", () -> consumer.lag().getOrDefault(partition, -1L) == 3);
    Gauge gauge = registry.find("emporium.consumer.lag")
        .tags("group", "consumertest.held", "topic", topic, "partition", "0").gauge();
    assertThat(gauge).isNotNull();
    assertThat(gauge.value()).isEqualTo(3.0);
    assertThat(effects("held-1") + effects("held-2") + effects("held-3")).as("nothing handled while paused").isZero();

    consumer.resume();
    await("the records are handled", () -> effects("held-1") + effects("held-2") + effects("held-3") == 3);
    await("the lag is back to zero", () -> consumer.lag().getOrDefault(partition, -1L) == 0);
    assertThat(gauge.value()).isZero();
    consumer.stop().await(20, TimeUnit.SECONDS);
    assertThat(registry.find("emporium.consumer.lag").gauges()).as("gauges leave with the consumer").isEmpty();
  }
}
