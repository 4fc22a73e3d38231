package org.emporium.edge.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.micrometer.backends.BackendRegistries;

import java.util.EnumMap;
import java.util.Map;

/**
 * {@code emporium.ratelimit.refused} (by {@code class}) and {@code emporium.ratelimit.unchecked}:
 * requests let through because Redis did not answer in time. Without a registry, nothing.
 */
final class RateLimitMetrics {

  private final Map<RouteClass, Counter> refused = new EnumMap<>(RouteClass.class);
  private final Counter unchecked;

  private RateLimitMetrics(MeterRegistry registry) {
    if (registry == null) {
      unchecked = null;
      return;
    }
    for (RouteClass routeClass : RouteClass.values()) {
      refused.put(routeClass, Counter.builder("emporium.ratelimit.refused")
          .description("Requests refused with 429 by the rate limits, by route class")
          .tag("class", routeClass.key()).register(registry));
    }
    unchecked = Counter.builder("emporium.ratelimit.unchecked")
        .description("Requests let through unchecked because Redis did not answer in time")
        .register(registry);
  }

  static RateLimitMetrics fromDefaultRegistry() {
    return new RateLimitMetrics(BackendRegistries.getDefaultNow());
  }

  void refused(RouteClass routeClass) {
    Counter counter = refused.get(routeClass);
    if (counter != null) {
      counter.increment();
    }
  }

  void unchecked() {
    if (unchecked != null) {
      unchecked.increment();
    }
  }
}
