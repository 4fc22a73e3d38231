package org.emporium.platform.events.consumer;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.kafka.client.consumer.KafkaReadStream;
import org.apache.kafka.common.TopicPartition;
import org.emporium.platform.config.EventsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The poll loop of an {@link EventConsumer}: poll, handle the batch, commit what was handled,
 * measure the lag, poll again; a troubled batch makes it wait with backoff first. It runs on one
 * Vert.x context; only the pause and stop flags are set from elsewhere.
 */
final class PollLoop {

  private static final Logger LOG = LoggerFactory.getLogger(PollLoop.class);

  private final String group;
  private final KafkaReadStream<String, String> stream;
  private final EventsSettings.Consumer settings;
  private final long requestTimeoutMs;
  private final long lagIntervalNanos;
  private final Delays delays;
  private final ConsumerLag lag;
  private final PendingOffsets uncommitted = new PendingOffsets();
  private final Batch batch;
  private final Promise<Void> finished = Promise.promise();
  private volatile boolean paused;
  private volatile boolean stopping;
  private int troubledBatches;
  private long nextLagAt = System.nanoTime();
  private final ProcessedEventsCleanup cleanup;
  private final long cleanupIntervalNanos;
  private long nextCleanupAt = System.nanoTime();

  PollLoop(EventConsumerBuilder builder, ConsumerClients clients, ConsumerLag lag) {
    this.group = builder.groupId();
    this.stream = clients.stream();
    this.settings = builder.settings;
    this.requestTimeoutMs = builder.config.kafka().requestTimeoutMs();
    this.lagIntervalNanos = builder.lagInterval.toNanos();
    this.delays = new Delays(builder.vertx);
    this.lag = lag;
    RecordProcessor processor = new RecordProcessor(builder, clients.pool(), clients.deadLetters(), delays);
    this.batch = new Batch(stream, processor, uncommitted, () -> paused || stopping, requestTimeoutMs);
    this.cleanup = new ProcessedEventsCleanup(clients.pool(), builder.context, group,
        settings.processedRetentionMs(), builder.clock, requestTimeoutMs);
    this.cleanupIntervalNanos = TimeUnit.MILLISECONDS.toNanos(settings.cleanupIntervalMs());
  }

  /** Subscribes and starts polling; fails if the subscription cannot be made. */
  Future<Void> start(Set<String> topics) {
    stream.partitionsRevokedHandler(this::revoked);
    return stream.subscribe(topics).timeout(requestTimeoutMs, TimeUnit.MILLISECONDS)
        .onSuccess(subscribed -> loop())
        .onFailure(e -> finished.tryComplete());
  }

  void paused(boolean paused) {
    this.paused = paused;
  }

  boolean paused() {
    return paused;
  }

  /** Ends the loop after the record in hand and the commit of what was handled; backoffs end at once. */
  Future<Void> stop() {
    stopping = true;
    delays.cancelAll();
    return finished.future();
  }

  Future<Void> commit() {
    return uncommitted.commit(stream, 2 * requestTimeoutMs);
  }

  private void loop() {
    if (stopping) {
      finished.tryComplete();
      return;
    }
    followPause()
        .compose(v -> stream.poll(Duration.ofMillis(settings.pollTimeoutMs()))
            .timeout(settings.pollTimeoutMs() + requestTimeoutMs, TimeUnit.MILLISECONDS))
        .compose(batch::handle)
        .compose(troubled -> commit().map(troubled))
        .compose(troubled -> measureLag().map(troubled))
        .compose(troubled -> cleanUp().map(troubled))
        .onComplete(result -> {
          if (result.failed()) {
            LOG.warn("Consumer {} could not poll or commit: {}", group, result.cause().toString());
          }
          if (result.succeeded() && !result.result()) {
            troubledBatches = 0;
            loop();
            return;
          }
          troubledBatches++;
          long backoff = Delays.backoff(settings.initialBackoffMs(), settings.maxBackoffMs(), troubledBatches);
          delays.sleep(backoff).onComplete(slept -> loop());
        });
  }

  /** Now and then, between batches: forget processed ids past their retention; never fails the loop. */
  private Future<Void> cleanUp() {
    if (System.nanoTime() < nextCleanupAt) {
      return Future.succeededFuture();
    }
    nextCleanupAt = System.nanoTime() + cleanupIntervalNanos;
    return cleanup.run()
        .onSuccess(deleted -> LOG.debug("Consumer {} forgot {} processed event ids", group, deleted))
        .onFailure(error -> LOG.warn("Consumer {} could not prune processed events: {}", group, error.toString()))
        .<Void>mapEmpty()
        .otherwiseEmpty();
  }

  /** Paused partitions keep the group membership alive: polling goes on and returns nothing for them. */
  private Future<Void> followPause() {
    if (paused) {
      return stream.assignment().compose(assigned -> assigned.isEmpty() ? Future.succeededFuture() : stream.pause(assigned));
    }
    return stream.paused().compose(held -> held.isEmpty() ? Future.succeededFuture() : stream.resume(held));
  }

  private Future<Void> measureLag() {
    long now = System.nanoTime();
    if (now - nextLagAt < 0) {
      return Future.succeededFuture();
    }
    nextLagAt = now + lagIntervalNanos;
    return lag.measure(stream, requestTimeoutMs);
  }

  private void revoked(Set<TopicPartition> partitions) {
    uncommitted.forget(partitions);
    lag.forget(partitions);
  }
}
