package org.emporium.checkout.application;

import org.emporium.checkout.domain.PurchaseCaps;
import org.emporium.platform.config.ConfigException;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.config.Settings;

import java.util.HashMap;
import java.util.Map;

/** {@code checkout.*}: see docs/checkout.md. */
public record CheckoutSettings(long stepTimeoutMs, long sagaLeaseMs, long sweepIntervalMs, int sweepBatch,
    long idempotencyTtlSeconds, long cleanupIntervalMs, int forwardAttempts, long retryDelayMs,
    long reservationTtlSeconds, PurchaseCaps purchaseCaps) {

  public static CheckoutSettings from(NodeConfig config) {
    Settings s = Settings.of(config).child("checkout");
    CheckoutSettings settings = new CheckoutSettings(s.positive("stepTimeoutMs"), s.positive("sagaLeaseMs"),
        s.positive("sweepIntervalMs"), (int) s.positive("sweepBatch"), s.positive("idempotencyTtlSeconds"),
        s.positive("cleanupIntervalMs"), (int) s.positive("forwardAttempts"), s.positive("retryDelayMs"),
        s.positive("reservationTtlSeconds"), caps(s));
    if (settings.sagaLeaseMs() <= 2 * settings.stepTimeoutMs()) {
      // a step still in flight must never be taken over by a sweeper
      throw new ConfigException("checkout.sagaLeaseMs must be more than twice checkout.stepTimeoutMs");
    }
    return settings;
  }

  /** {@code purchaseCaps}: SKU -> units per buyer (positive); {@code defaultPurchaseCap} for the others, 0 none. */
  private static PurchaseCaps caps(Settings s) {
    Map<String, Integer> caps = new HashMap<>();
    Settings configured = s.child("purchaseCaps");
    for (String sku : configured.json().fieldNames()) {
      caps.put(sku, (int) configured.positive(sku));
    }
    return new PurchaseCaps(caps, (int) s.nonNegative("defaultPurchaseCap"));
  }
}
