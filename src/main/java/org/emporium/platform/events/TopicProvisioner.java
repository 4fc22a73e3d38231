package org.emporium.platform.events;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.emporium.platform.clients.KafkaFutures;
import org.emporium.platform.config.EventsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Creates event topics that do not exist yet, with the partitions, replication factor and
 * retention of {@code events} (per-topic overrides included), and reports a topic ready once its
 * partition leaders answer. Each topic is asked for once; a failure is asked for again next time.
 * Use it from one Vert.x context.
 */
public final class TopicProvisioner {

  private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
  private static final long PROBE_INTERVAL_MS = 100;

  private final Vertx vertx;
  private final Admin admin;
  private final EventsSettings events;
  private final long timeoutMs;
  private final Map<String, Future<Void>> topics = new HashMap<>();

  public TopicProvisioner(Vertx vertx, Admin admin, EventsSettings events, long timeoutMs) {
    this.vertx = vertx;
    this.admin = admin;
    this.events = events;
    this.timeoutMs = timeoutMs;
  }

  /** Ensures every topic listed in {@code events.topics}. */
  public Future<Void> provisionConfigured() {
    return ensure(events.topics().fieldNames());
  }

  /** Completes once every named topic exists (created now, before, or by someone else) and is writable. */
  public Future<Void> ensure(Collection<String> names) {
    List<String> distinct = names.stream().distinct().toList();
    List<String> unknown = distinct.stream().filter(name -> !topics.containsKey(name)).toList();
    if (!unknown.isEmpty()) {
      create(unknown);
    }
    return Future.all(distinct.stream().map(topics::get).toList()).mapEmpty();
  }

  private void create(List<String> names) {
    Context context = vertx.getOrCreateContext();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    List<NewTopic> requests = names.stream().map(this::newTopic).toList();
    admin.createTopics(requests, new CreateTopicsOptions().timeoutMs((int) timeoutMs)).values()
        .forEach((name, creation) -> topics.put(name, KafkaFutures.onContext(creation, context)
            .onSuccess(created -> LOG.info("Created topic {}: {} partitions, replication factor {}, retention {} ms",
                name, events.partitions(name), events.replicationFactor(), events.retentionMs(name)))
            .recover(error -> error instanceof TopicExistsException ? Future.succeededFuture() : Future.failedFuture(error))
            .compose(created -> writable(name, context, deadline))
            .onFailure(error -> topics.remove(name))));
  }

  /**
   * Waits until every partition's leader answers: a producer that races a new partition's leader
   * election can get out-of-order sequence errors and write a batch twice.
   */
  private Future<Void> writable(String name, Context context, long deadline) {
    DescribeTopicsOptions describe = new DescribeTopicsOptions().timeoutMs((int) timeoutMs);
    return KafkaFutures.onContext(admin.describeTopics(List.of(name), describe).allTopicNames(), context)
        .compose(described -> {
          Map<TopicPartition, OffsetSpec> latest = described.get(name).partitions().stream()
              .collect(Collectors.toMap(p -> new TopicPartition(name, p.partition()), p -> OffsetSpec.latest()));
          return KafkaFutures.onContext(admin.listOffsets(latest, new ListOffsetsOptions().timeoutMs((int) timeoutMs)).all(), context);
        })
        .<Void>mapEmpty()
        .recover(error -> {
          if (System.nanoTime() > deadline) {
            return Future.failedFuture(error);
          }
          Promise<Void> later = Promise.promise();
          vertx.setTimer(PROBE_INTERVAL_MS, t -> later.complete());
          return later.future().compose(v -> writable(name, context, deadline));
        });
  }

  private NewTopic newTopic(String name) {
    return new NewTopic(name, events.partitions(name), events.replicationFactor())
        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(events.retentionMs(name))));
  }
}
