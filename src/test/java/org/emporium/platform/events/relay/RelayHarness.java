package org.emporium.platform.events.relay;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.emporium.platform.clients.Clients;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.OutboxEvent;
import org.emporium.platform.events.Transaction;
import org.emporium.platform.id.TimeOrderedIds;
import org.emporium.platform.node.Platform;
import org.emporium.platform.node.Readiness;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** What the relay tests share: a platform over a backbone fixture, writing events, reading topics. */
final class RelayHarness {

  static final Clock CLOCK = Clock.systemUTC();

  private RelayHarness() {
  }

  static Admin admin(NodeConfig config) {
    return Admin.create(new HashMap<>(new Clients(config).kafkaCommon("relay-test-admin")));
  }

  static Platform platform(NodeConfig config, Admin admin) {
    return new Platform(config, CLOCK, new TimeOrderedIds(CLOCK), new Clients(config), new Readiness(), null, admin);
  }

  /** The fixture's configuration with some {@code events} settings replaced. */
  static NodeConfig withEvents(NodeConfig config, JsonObject events) {
    JsonObject json = config.json().copy();
    json.getJsonObject("events").mergeIn(events, true);
    return NodeConfig.from(json);
  }

  static String deploy(Vertx vertx, Platform platform) {
    return await(vertx.deployVerticle(new OutboxRelayVerticle(platform)));
  }

  /** Waits for {@code future} from a test thread; a minute is plenty for anything here. */
  static <T> T await(Future<T> future) {
    try {
      return future.await(60, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("no result within a minute", e);
    }
  }

  static Outbox outbox(String context) {
    return new Outbox(context, "test-1", new TimeOrderedIds(CLOCK), CLOCK);
  }

  /** Commits one transaction that publishes {@code events}. */
  static Future<Void> commit(Pool pool, Outbox outbox, List<OutboxEvent> events) {
    return Transaction.run(pool, outbox, tx -> {
      events.forEach(tx::publish);
      return Future.succeededFuture();
    });
  }

  static long unpublished(Pool pool, String schema) {
    return await(pool.query("SELECT count(*) FROM " + schema + ".outbox WHERE published_at IS NULL").execute())
        .iterator().next().getLong(0);
  }

  static void awaitCondition(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + limit + ": " + what);
      }
      Thread.sleep(100);
    }
  }

  /** Every record of {@code topic}, from the start to the end offsets as of now, partition by partition. */
  static List<ConsumerRecord<String, String>> readAll(NodeConfig config, String topic) {
    Map<String, Object> settings = new HashMap<>(new Clients(config).kafkaConsumerSettings("relay-test-reader", "unused"));
    settings.remove("group.id");
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(10)) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not read " + topic + " to its end offsets " + end);
        }
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
      return records;
    }
  }

  static long endOffsetSum(NodeConfig config, String topic) {
    Map<String, Object> settings = new HashMap<>(new Clients(config).kafkaConsumerSettings("relay-test-offsets", "unused"));
    settings.remove("group.id");
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      return consumer.endOffsets(partitions, Duration.ofSeconds(10)).values().stream().mapToLong(Long::longValue).sum();
    }
  }
}
