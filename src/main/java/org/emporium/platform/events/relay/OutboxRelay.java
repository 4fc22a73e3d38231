package org.emporium.platform.events.relay;

import org.emporium.platform.events.TopicProvisioner;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.emporium.platform.config.EventsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node's relay over every outbox it found: routes wake-ups to the outbox's drain, polls all of
 * them, and cleans up published rows one outbox after the other. Use it from one Vert.x context.
 */
final class OutboxRelay {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
  private static final long INITIAL_BACKOFF_MS = 100;

  private final Map<String, Relayed> outboxes = new LinkedHashMap<>();
  private final RelayMetrics metrics;
  private boolean cleaning;

  OutboxRelay(Vertx vertx, List<OutboxSchema> found, EventsSettings.Relay settings, TopicProvisioner topics,
      OutboxProducer producer, RelayMetrics metrics) {
    this.metrics = metrics;
    for (OutboxSchema outbox : found) {
      ShardRelay shards = new ShardRelay(outbox, settings.shards(), settings.batchSize(), settings.publishTimeoutMs(),
          topics, producer);
      outboxes.put(key(outbox.serverKey(), outbox.name()), new Relayed(outbox.serverKey(),
          new OutboxDrain(vertx, shards, new Backoff(INITIAL_BACKOFF_MS, settings.maxBackoffMs()), metrics),
          new OutboxCleanup(outbox, settings.publishedRetentionMs(), settings.batchSize(), settings.publishTimeoutMs()),
          new OutboxLag(outbox, settings.publishTimeoutMs())));
    }
  }

  /** A notification: {@code schema} on {@code server} has new events. */
  void wake(String server, String schema) {
    Relayed outbox = outboxes.get(key(server, schema));
    if (outbox != null) {
      outbox.drain().wake();
    }
  }

  /** Every outbox of {@code server}, e.g. after its notifications were missed. */
  void wakeServer(String server) {
    outboxes.values().stream().filter(outbox -> outbox.server().equals(server))
        .forEach(outbox -> outbox.drain().wake());
  }

  /** The polling fallback; also samples the lag when metrics are on. */
  void poll() {
    for (Relayed outbox : outboxes.values()) {
      outbox.drain().wake();
      if (metrics.enabled()) {
        outbox.lag().millis().onSuccess(lag -> metrics.lag(outbox.drain().schema(), lag));
      }
    }
  }

  /** Deletes expired published rows; skipped while the previous clean-up still runs. */
  Future<Long> cleanUp() {
    if (cleaning) {
      return Future.succeededFuture(0L);
    }
    cleaning = true;
    Future<Long> total = Future.succeededFuture(0L);
    for (Relayed outbox : outboxes.values()) {
      total = total.compose(sum -> outbox.cleanup().run().map(deleted -> sum + deleted));
    }
    return total
        .onSuccess(deleted -> LOG.debug("Deleted {} published outbox rows", deleted))
        .onFailure(error -> LOG.warn("Outbox clean-up failed, next time again: {}", error.toString()))
        .onComplete(done -> cleaning = false);
  }

  /** Stops every drain after its pass under way, waiting at most {@code waitMs}. */
  Future<Void> stop(long waitMs) {
    return Future.join(outboxes.values().stream().map(outbox -> outbox.drain().stop(waitMs)).toList()).mapEmpty();
  }

  List<String> schemas() {
    return outboxes.values().stream().map(outbox -> outbox.drain().schema()).toList();
  }

  private static String key(String server, String schema) {
    return server + "|" + schema;
  }

  private record Relayed(String server, OutboxDrain drain, OutboxCleanup cleanup, OutboxLag lag) {
  }
}
