package org.emporium.cart.application;

import org.emporium.cart.domain.CartRules;
import org.emporium.cart.domain.Violation;
import org.emporium.platform.config.ConfigException;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.config.Settings;

/** {@code cart.*}: see docs/cart.md. {@code instances} 0 means one per event loop. */
public record CartSettings(int instances, String defaultCurrency, long guestTtlMs, long customerTtlMs, CartRules rules,
    long flushDelayMs, long abandonAfterMs, long abandonLeaseMs, long sweepIntervalMs, int sweepBatch, long lookupTimeoutMs,
    int priceCacheEntries, long priceCacheTtlMs) {

  public static CartSettings from(NodeConfig config, int eventLoops) {
    Settings s = Settings.of(config).child("cart");
    String currency = s.string("defaultCurrency");
    CartRules.currency("cart.defaultCurrency", currency).map(Violation::message).ifPresent(problem -> {
      throw new ConfigException("cart.defaultCurrency " + problem);
    });
    int instances = (int) s.nonNegative("instances");
    CartRules rules = new CartRules((int) s.positive("maxLineQuantity"), (int) s.positive("maxLines"),
        (int) s.positive("maxCoupons"));
    return new CartSettings(instances == 0 ? eventLoops : instances, currency, s.positive("guestTtlSeconds") * 1000,
        s.positive("customerTtlSeconds") * 1000, rules, s.positive("flushDelayMs"), s.positive("abandonAfterMs"),
        s.positive("abandonLeaseMs"),
        s.positive("sweepIntervalMs"), (int) s.positive("sweepBatch"), s.positive("lookupTimeoutMs"),
        (int) s.nonNegative("priceCacheEntries"), s.positive("priceCacheTtlMs"));
  }
}
