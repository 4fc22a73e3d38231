package org.emporium.platform.events.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.micrometer.backends.BackendRegistries;
import io.vertx.sqlclient.Pool;
import org.emporium.platform.clients.Clients;
import org.emporium.platform.config.EventsSettings;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.id.TimeOrderedIds;

import java.time.Clock;
import org.apache.kafka.clients.admin.Admin;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** Assembles an {@link EventConsumer}; context, name, topics and handler are required. */
public final class EventConsumerBuilder {

  private static final Pattern CONTEXT = Pattern.compile("[a-z][a-z0-9_]{0,62}");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

  final Vertx vertx;
  final NodeConfig config;
  final Clients clients;
  Clock clock = Clock.systemUTC();
  TimeOrderedIds ids;
  String context;
  String name;
  List<String> topics = List.of();
  EventHandler handler;
  EventsSettings.Consumer settings;
  Pool pool;
  Admin admin;
  MeterRegistry registry = BackendRegistries.getDefaultNow();
  Duration lagInterval;
  Duration handlerTimeout;
  Duration stopTimeout;

  EventConsumerBuilder(Vertx vertx, NodeConfig config, Clients clients) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.config = Objects.requireNonNull(config, "config");
    this.clients = Objects.requireNonNull(clients, "clients");
    this.settings = config.events().consumer();
    this.lagInterval = Duration.ofMillis(settings.lagIntervalMs());
    this.handlerTimeout = Duration.ofMillis(settings.handlerTimeoutMs());
    this.stopTimeout = Duration.ofMillis(settings.stopTimeoutMs());
  }

  /** The consuming context: its schema holds {@code processed_event} and the effects. */
  public EventConsumerBuilder context(String context) {
    this.context = context;
    return this;
  }

  /** What this consumer does within its context, e.g. {@code payments}; part of the group id. */
  public EventConsumerBuilder name(String name) {
    this.name = name;
    return this;
  }

  public EventConsumerBuilder topics(String... topics) {
    this.topics = List.of(topics);
    return this;
  }

  public EventConsumerBuilder handler(EventHandler handler) {
    this.handler = handler;
    return this;
  }

  /** Attempts, backoff and polling; {@code events.consumer} of the node's configuration by default. */
  public EventConsumerBuilder settings(EventsSettings.Consumer settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    return this;
  }

  /**
   * A Kafka admin client: with one, the consumer creates its topics and their dead-letter topics
   * at start when missing (the node's admin when built from a {@code Platform}); without, they
   * must exist.
   */
  public EventConsumerBuilder admin(Admin admin) {
    this.admin = admin;
    return this;
  }

  /** The context's pool; by default the node's shared pool of the context. */
  public EventConsumerBuilder pool(Pool pool) {
    this.pool = pool;
    return this;
  }

  public EventConsumerBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** Ids of the events a handler publishes; the node's generator keeps them ordered across the node. */
  public EventConsumerBuilder ids(TimeOrderedIds ids) {
    this.ids = ids;
    return this;
  }

  /** Where the lag gauges go; the Vert.x default registry when metrics are enabled, else none. */
  public EventConsumerBuilder meterRegistry(MeterRegistry registry) {
    this.registry = registry;
    return this;
  }

  /** How often the lag is measured at most (one offsets request to the broker each time). */
  public EventConsumerBuilder lagInterval(Duration interval) {
    this.lagInterval = Objects.requireNonNull(interval, "interval");
    return this;
  }

  /** How long one attempt of the handler's transaction may take before it counts as failed. */
  public EventConsumerBuilder handlerTimeout(Duration timeout) {
    this.handlerTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /** How long {@link EventConsumer#stop()} waits for the record in hand before closing anyway. */
  public EventConsumerBuilder stopTimeout(Duration timeout) {
    this.stopTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  String groupId() {
    return context + "." + name;
  }

  public EventConsumer build() {
    if (context == null || !CONTEXT.matcher(context).matches()) {
      throw new IllegalArgumentException("context must be a schema name: " + context);
    }
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("name must be lower-case words joined by '-': " + name);
    }
    if (topics.isEmpty()) {
      throw new IllegalArgumentException("at least one topic is needed");
    }
    Objects.requireNonNull(handler, "handler");
    if (ids == null) {
      ids = new TimeOrderedIds(clock);
    }
    return new KafkaEventConsumer(this);
  }
}
