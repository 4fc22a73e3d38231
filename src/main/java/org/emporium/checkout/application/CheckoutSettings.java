package org.emporium.checkout.application;

import org.emporium.platform.config.ConfigException;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.config.Settings;

/** {@code checkout.*}: see docs/checkout.md. */
public record CheckoutSettings(long stepTimeoutMs, long sagaLeaseMs, long sweepIntervalMs, int sweepBatch,
    long idempotencyTtlSeconds, long cleanupIntervalMs, int forwardAttempts, long retryDelayMs,
    long reservationTtlSeconds) {

  public static CheckoutSettings from(NodeConfig config) {
    Settings s = Settings.of(config).child("checkout");
    CheckoutSettings settings = new CheckoutSettings(s.positive("stepTimeoutMs"), s.positive("sagaLeaseMs"),
        s.positive("sweepIntervalMs"), (int) s.positive("sweepBatch"), s.positive("idempotencyTtlSeconds"),
        s.positive("cleanupIntervalMs"), (int) s.positive("forwardAttempts"), s.positive("retryDelayMs"),
        s.positive("reservationTtlSeconds"));
    if (settings.sagaLeaseMs() <= 2 * settings.stepTimeoutMs()) {
      // a step still in flight must never be taken over by a sweeper
      throw new ConfigException("checkout.sagaLeaseMs must be more than twice checkout.stepTimeoutMs");
    }
    return settings;
  }
}
