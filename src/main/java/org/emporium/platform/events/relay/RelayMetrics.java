package org.emporium.platform.events.relay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.micrometer.backends.BackendRegistries;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The relay's meters per outbox schema: {@code emporium.outbox.published} (events published) and
 * {@code emporium.outbox.lag} (seconds since the oldest unpublished event was written). Without a
 * Micrometer registry (plain tests) it records nothing. Use it from one Vert.x context.
 */
final class RelayMetrics {

  private final MeterRegistry registry;
  private final Map<String, Counter> published = new HashMap<>();
  private final Map<String, AtomicLong> lagMs = new HashMap<>();

  RelayMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  static RelayMetrics fromDefaultRegistry() {
    return new RelayMetrics(BackendRegistries.getDefaultNow());
  }

  boolean enabled() {
    return registry != null;
  }

  void published(String schema, int count) {
    if (registry != null && count > 0) {
      published.computeIfAbsent(schema, s -> Counter.builder("emporium.outbox.published")
          .description("Outbox events published to Kafka").tag("schema", s).register(registry)).increment(count);
    }
  }

  void lag(String schema, long millis) {
    if (registry != null) {
      lagMs.computeIfAbsent(schema, s -> {
        AtomicLong value = new AtomicLong();
        Gauge.builder("emporium.outbox.lag", value, v -> v.get() / 1000.0).baseUnit("seconds")
            .description("Age of the oldest unpublished outbox event").tag("schema", s).register(registry);
        return value;
      }).set(millis);
    }
  }
}
