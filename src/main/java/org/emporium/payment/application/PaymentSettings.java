package org.emporium.payment.application;

import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.config.Settings;

/** The {@code payment} section of the configuration. */
public record PaymentSettings(long providerTimeoutMs, int maxAttempts, int breakerMaxFailures,
    long breakerResetTimeoutMs, long simulatorLatencyMs, String webhookSecret) {

  public static PaymentSettings from(NodeConfig config) {
    Settings section = Settings.of(config).child("payment");
    Settings breaker = section.child("circuitBreaker");
    Settings simulator = section.child("simulator");
    String secret = simulator.optionalString("webhookSecret");
    return new PaymentSettings(section.positive("providerTimeoutMs"), (int) section.positive("maxAttempts"),
        (int) breaker.positive("maxFailures"), breaker.positive("resetTimeoutMs"), simulator.nonNegative("latencyMs"),
        secret == null || secret.isBlank() ? null : secret);
  }
}
