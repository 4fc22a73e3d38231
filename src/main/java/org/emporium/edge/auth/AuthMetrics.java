package org.emporium.edge.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.micrometer.backends.BackendRegistries;

import java.util.EnumMap;
import java.util.Map;

/**
 * {@code emporium.auth.failures}: requests refused by the edge's authentication, tagged with the
 * {@code reason} ({@link AuthFailure#tag()}). Without a Micrometer registry it records nothing.
 */
public final class AuthMetrics {

  private final Map<AuthFailure, Counter> failures = new EnumMap<>(AuthFailure.class);

  public AuthMetrics(MeterRegistry registry) {
    if (registry != null) {
      for (AuthFailure reason : AuthFailure.values()) {
        failures.put(reason, Counter.builder("emporium.auth.failures")
            .description("Requests refused by authentication, by reason")
            .tag("reason", reason.tag())
            .register(registry));
      }
    }
  }

  public static AuthMetrics fromDefaultRegistry() {
    return new AuthMetrics(BackendRegistries.getDefaultNow());
  }

  void failed(AuthFailure reason) {
    Counter counter = failures.get(reason);
    if (counter != null) {
      counter.increment();
    }
  }
}
