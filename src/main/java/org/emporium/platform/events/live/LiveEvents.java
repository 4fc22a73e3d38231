package org.emporium.platform.events.live;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaReadStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.emporium.platform.clients.Clients;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.events.CloudEvent;
import org.emporium.platform.events.TopicProvisioner;
import org.emporium.platform.node.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Republishes chosen events on the clustered event bus ({@code publish}: every node's consumers of
 * the address get it), for the edge to forward to websocket UIs. One consumer group, {@code live.<name>},
 * is shared by the cluster so each event goes out once; offsets are committed after publishing.
 * These are notifications, not effects: an event published before a crash and not committed goes
 * out again, one committed and not yet delivered is lost, and a new group starts at the newest event.
 * <pre>{@code
 * LiveEvents orders = LiveEvents.builder(vertx, platform).name("orders").topics("ordering.order.v1")
 *     .route(LiveRoute.forTypes(Set.of("emporium.ordering.order.placed.v1"),
 *         event -> "emporium.orders." + event.data().getString("customerId")))
 *     .build();
 * return orders.start();
 * }</pre>
 */
public final class LiveEvents {

  private static final Logger LOG = LoggerFactory.getLogger(LiveEvents.class);

  private final LiveEventsBuilder builder;
  private final String group;
  private final long requestTimeoutMs;
  private final Promise<Void> finished = Promise.promise();
  private volatile boolean stopping;
  private final AtomicReference<Context> context = new AtomicReference<>();
  private KafkaReadStream<String, String> stream;
  private int failures;
  private long backoffTimer = -1;
  private Future<Void> stopped;

  LiveEvents(LiveEventsBuilder builder) {
    this.builder = builder;
    this.group = builder.groupId();
    this.requestTimeoutMs = builder.config.kafka().requestTimeoutMs();
  }

  public static LiveEventsBuilder builder(Vertx vertx, Platform platform) {
    return new LiveEventsBuilder(vertx, platform.config(), platform.clients()).admin(platform.kafkaAdmin());
  }

  public static LiveEventsBuilder builder(Vertx vertx, NodeConfig config, Clients clients) {
    return new LiveEventsBuilder(vertx, config, clients);
  }

  public String groupId() {
    return group;
  }

  /** Joins the group and starts publishing. */
  public Future<Void> start() {
    Context own = builder.vertx.getOrCreateContext();
    if (!context.compareAndSet(null, own)) {
      return Future.failedFuture(new IllegalStateException(group + " was started already"));
    }
    Future<Void> topics = builder.admin == null ? Future.succeededFuture()
        : new TopicProvisioner(builder.vertx, builder.admin, builder.config.events(), requestTimeoutMs)
            .ensure(builder.topics);
    Promise<Void> started = Promise.promise();
    topics.onFailure(started::tryFail).onSuccess(ready -> own.runOnContext(v -> {
      Map<String, String> settings = builder.clients.kafkaConsumerSettings(
          group + "-" + UUID.randomUUID().toString().substring(0, 8), group);
      // a feed for screens: a new group starts with what happens next, not with a week of history
      settings.put("auto.offset.reset", "latest");
      settings.put("max.poll.records", String.valueOf(builder.settings.maxPollRecords()));
      stream = KafkaConsumer.<String, String>create(builder.vertx, settings).asStream();
      stream.subscribe(Set.copyOf(builder.topics)).timeout(requestTimeoutMs, TimeUnit.MILLISECONDS)
          .onSuccess(subscribed -> loop())
          .onFailure(e -> finished.tryComplete())
          .onComplete(started);
    }));
    return started.future();
  }

  /** Stops polling, commits what was published and closes, within the Kafka request timeout. */
  public Future<Void> stop() {
    Context own = context.get();
    if (own == null) {
      return Future.succeededFuture();
    }
    Promise<Void> done = Promise.promise();
    own.runOnContext(v -> {
      if (stopped == null) {
        stopping = true;
        if (backoffTimer >= 0 && builder.vertx.cancelTimer(backoffTimer)) {
          finished.tryComplete();
        }
        stopped = finished.future().timeout(2 * requestTimeoutMs, TimeUnit.MILLISECONDS).otherwiseEmpty()
            .transform(ended -> stream.close().timeout(requestTimeoutMs, TimeUnit.MILLISECONDS)).otherwiseEmpty();
      }
      stopped.onComplete(done);
    });
    return done.future();
  }

  private void loop() {
    if (stopping) {
      finished.tryComplete();
      return;
    }
    stream.poll(Duration.ofMillis(builder.settings.pollTimeoutMs()))
        .timeout(builder.settings.pollTimeoutMs() + requestTimeoutMs, TimeUnit.MILLISECONDS)
        .map(this::publish)
        .compose(offsets -> offsets.isEmpty() ? Future.succeededFuture()
            : stream.commit(offsets).timeout(2 * requestTimeoutMs, TimeUnit.MILLISECONDS))
        .onSuccess(committed -> {
          failures = 0;
          loop();
        })
        .onFailure(e -> {
          LOG.warn("Live events {} could not poll or commit: {}", group, e.toString());
          failures++;
          backoffTimer = builder.vertx.setTimer(Math.min(builder.settings.maxBackoffMs(),
              builder.settings.initialBackoffMs() << Math.min(failures - 1, 20)), id -> {
                backoffTimer = -1;
                loop();
              });
        });
  }

  /** Publishes the selected events in order; returns the offsets to commit. */
  private Map<TopicPartition, OffsetAndMetadata> publish(ConsumerRecords<String, String> records) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (ConsumerRecord<String, String> record : records) {
      offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
      try {
        builder.route.select(CloudEvent.fromJson(record.value()))
            .ifPresent(message -> builder.vertx.eventBus().publish(message.address(), message.payload()));
      } catch (RuntimeException e) {
        // the consumers with effects park bad records; a notification is simply skipped
        LOG.debug("Live events {} skip {}-{}@{}: {}", group, record.topic(), record.partition(), record.offset(),
            e.toString());
      }
    }
    return offsets;
  }
}
