package org.emporium.pricing.application;

import org.emporium.platform.config.ConfigException;
import org.emporium.platform.config.Settings;
import org.emporium.platform.money.Money;
import org.emporium.platform.node.Platform;

import java.time.Duration;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code pricing.quote} section: how long to wait for the catalog, how long a quote is valid, how
 * many lines a quote may have, and the flat shipping charge per currency ({@code {"EUR": "4.90"}};
 * none configured is free), a placeholder until shipping is priced.
 */
public record QuoteSettings(long catalogTimeoutMs, Duration validFor, int maxLines, Map<Currency, Money> flatShipping) {

  public static QuoteSettings from(Platform platform) {
    Settings quote = Settings.of(platform.config()).child("pricing").child("quote");
    Map<Currency, Money> shipping = new HashMap<>();
    try {
      PricingSettings.strings(quote, "flatShipping").forEach((code, amount) -> {
        Currency currency = Currency.getInstance(code);
        shipping.put(currency, Money.parse(amount, currency));
      });
    } catch (IllegalArgumentException e) {
      throw new ConfigException("pricing.quote.flatShipping: " + e.getMessage());
    }
    return new QuoteSettings(quote.positive("catalogTimeoutMs"), Duration.ofSeconds(quote.positive("validSeconds")),
        (int) quote.positive("maxLines"), Map.copyOf(shipping));
  }

  public Money shipping(Currency currency) {
    return flatShipping.getOrDefault(currency, Money.zero(currency));
  }
}
