package org.emporium.pricing.application;

import io.vertx.core.json.JsonObject;
import org.emporium.platform.config.ConfigException;
import org.emporium.platform.config.Settings;
import org.emporium.platform.money.PriceRules;
import org.emporium.platform.node.Platform;

import java.time.Duration;
import java.util.Currency;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code pricing} section: {@code fx.pivot} (the currency cross rates go through),
 * {@code fx.maxAgeSeconds} (older rates are refused), {@code fx.demoRates} ({@code {"EUR": "0.92"}}:
 * pivot rates the local profile stores at every start, so converted prices work out of the box) and
 * {@code rounding} (cash increments and charm endings of converted prices, in major units).
 */
public record PricingSettings(Currency pivot, Duration maxAge, Map<String, String> demoRates, PriceRules rules) {

  public static PricingSettings from(Platform platform) {
    Settings pricing = Settings.of(platform.config()).child("pricing");
    Settings fx = pricing.child("fx");
    Settings rounding = pricing.child("rounding");
    return new PricingSettings(Currency.getInstance(fx.string("pivot")),
        Duration.ofSeconds(fx.positive("maxAgeSeconds")), strings(fx, "demoRates"), rules(rounding));
  }

  static Map<String, String> strings(Settings section, String key) {
    Map<String, String> values = new TreeMap<>();
    section.json().getJsonObject(key, new JsonObject()).forEach(e -> values.put(e.getKey(), String.valueOf(e.getValue())));
    return values;
  }

  private static PriceRules rules(Settings rounding) {
    try {
      return PriceRules.parse(strings(rounding, "cashIncrements"), strings(rounding, "charmEndings"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("pricing.rounding: " + e.getMessage());
    }
  }
}
