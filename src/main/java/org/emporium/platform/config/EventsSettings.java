package org.emporium.platform.config;

import io.vertx.core.json.JsonObject;

/**
 * Settings of the event backbone: topic defaults (with per-topic overrides), the outbox relay and
 * the consumers.
 */
public record EventsSettings(int partitions, short replicationFactor, long retentionMs, JsonObject topics,
    Relay relay, Consumer consumer) {

  static EventsSettings from(Settings s) {
    Settings relay = s.child("relay");
    Settings consumer = s.child("consumer");
    return new EventsSettings(
        (int) s.positive("partitions"),
        (short) s.positive("replicationFactor"),
        s.positive("retentionMs"),
        s.child("topics").json(),
        new Relay(relay.bool("enabled"), (int) relay.positive("batchSize"), (int) relay.positive("shards"),
            relay.positive("pollIntervalMs"), relay.positive("publishTimeoutMs"), relay.positive("maxBackoffMs"),
            relay.positive("publishedRetentionMs"), relay.positive("cleanupIntervalMs")),
        new Consumer((int) consumer.positive("maxAttempts"), consumer.positive("initialBackoffMs"),
            consumer.positive("maxBackoffMs"), consumer.positive("pollTimeoutMs"),
            (int) consumer.positive("maxPollRecords"), consumer.positive("handlerTimeoutMs"),
            consumer.positive("stopTimeoutMs"), consumer.positive("lagIntervalMs"),
            consumer.positive("processedRetentionMs"), consumer.positive("cleanupIntervalMs")));
  }

  /** Partitions of a topic: its override in {@code events.topics.<topic>.partitions}, else the default. */
  public int partitions(String topic) {
    JsonObject override = topics.getJsonObject(topic);
    return override == null ? partitions : override.getInteger("partitions", partitions);
  }

  /** Retention of a topic: its override in {@code events.topics.<topic>.retentionMs}, else the default. */
  public long retentionMs(String topic) {
    JsonObject override = topics.getJsonObject(topic);
    return override == null ? retentionMs : override.getLong("retentionMs", retentionMs);
  }

  /** The outbox relay. */
  public record Relay(boolean enabled, int batchSize, int shards, long pollIntervalMs, long publishTimeoutMs,
      long maxBackoffMs, long publishedRetentionMs, long cleanupIntervalMs) {
  }

  /**
   * Event consumers: attempts before the dead-letter topic, backoff, polling, timeouts, and how
   * long processed event ids are kept for deduplication (longer than any topic keeps its events).
   */
  public record Consumer(int maxAttempts, long initialBackoffMs, long maxBackoffMs, long pollTimeoutMs,
      int maxPollRecords, long handlerTimeoutMs, long stopTimeoutMs, long lagIntervalMs,
      long processedRetentionMs, long cleanupIntervalMs) {
  }
}
