package org.emporium.platform.events.relay;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.emporium.platform.config.EventsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Creates event topics that do not exist yet, with the partitions, replication factor and
 * retention of {@code events} (per-topic overrides included). Each topic is asked for once; a
 * failed creation is asked for again next time. Use it from one Vert.x context.
 */
public final class TopicProvisioner {

  private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

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

  /** Completes once every named topic exists (created now, before, or by someone else). */
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
    List<NewTopic> requests = names.stream().map(this::newTopic).toList();
    admin.createTopics(requests, new CreateTopicsOptions().timeoutMs((int) timeoutMs)).values()
        .forEach((name, creation) -> {
          Promise<Void> created = Promise.promise();
          topics.put(name, created.future());
          creation.whenComplete((done, error) -> context.runOnContext(v -> settle(name, created, error)));
        });
  }

  private void settle(String name, Promise<Void> created, Throwable error) {
    Throwable cause = unwrap(error);
    if (cause == null) {
      NewTopic topic = newTopic(name);
      LOG.info("Created topic {}: {} partitions, replication factor {}, retention {} ms", name,
          topic.numPartitions(), topic.replicationFactor(), events.retentionMs(name));
      created.complete();
    } else if (cause instanceof TopicExistsException) {
      created.complete();
    } else {
      topics.remove(name);
      created.fail(cause);
    }
  }

  private NewTopic newTopic(String name) {
    return new NewTopic(name, events.partitions(name), events.replicationFactor())
        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(events.retentionMs(name))));
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
