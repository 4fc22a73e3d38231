package org.emporium.platform.events.relay;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import org.emporium.platform.clients.Clients;
import org.emporium.platform.config.PostgresSettings.PgSettings;
import org.emporium.platform.events.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * {@code LISTEN}s on {@link Outbox#CHANNEL} on one connection per PostgreSQL server and reports
 * (server key, schema) for every notification, and (server key) whenever a subscription starts or
 * comes back, as notifications sent while it was down are lost. Reconnects with backoff for ever.
 */
final class OutboxNotifications {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxNotifications.class);

  private final Vertx vertx;
  private final long maxBackoffMs;
  private final BiConsumer<String, String> notified;
  private final Consumer<String> subscribed;
  private final List<PgSubscriber> subscribers = new ArrayList<>();
  private boolean closed;

  OutboxNotifications(Vertx vertx, long maxBackoffMs, BiConsumer<String, String> notified,
      Consumer<String> subscribed) {
    this.vertx = vertx;
    this.maxBackoffMs = maxBackoffMs;
    this.notified = notified;
    this.subscribed = subscribed;
  }

  /**
   * Starts listening on {@code server}; completes after the first attempt, a failed one being
   * retried in the background.
   */
  Future<Void> listen(PgSettings server) {
    return attempt(server, new Backoff(delay(0), maxBackoffMs)).otherwiseEmpty();
  }

  Future<Void> close() {
    closed = true;
    return Future.join(subscribers.stream().map(PgSubscriber::close).toList()).mapEmpty();
  }

  // a subscriber whose first connect failed cannot connect again: each attempt gets a new one
  private Future<Void> attempt(PgSettings server, Backoff backoff) {
    String key = server.serverKey();
    PgSubscriber subscriber = PgSubscriber.subscriber(vertx, connectOptions(server))
        .reconnectPolicy(this::delay);
    subscriber.channel(Outbox.CHANNEL)
        .handler(schema -> notified.accept(key, schema))
        .subscribeHandler(v -> subscribed.accept(key));
    subscribers.add(subscriber);
    return subscriber.connect().onFailure(error -> {
      subscribers.remove(subscriber);
      subscriber.close();
      if (closed) {
        return;
      }
      long wait = backoff.next();
      if (backoff.failures() == 1) {
        LOG.warn("Cannot LISTEN on {} ({}); polling meanwhile, retrying", server, error.toString());
      }
      vertx.setTimer(wait, t -> attempt(server, backoff));
    });
  }

  private long delay(int retries) {
    return Math.min(maxBackoffMs, 100L << Math.min(retries, 20));
  }

  static PgConnectOptions connectOptions(PgSettings pg) {
    return Clients.pgConnectOptions(pg, "emporium-outbox-listener");
  }
}
