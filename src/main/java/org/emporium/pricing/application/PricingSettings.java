package org.emporium.pricing.application;

import io.vertx.core.json.JsonObject;
import org.emporium.platform.config.Settings;
import org.emporium.platform.node.Platform;

import java.time.Duration;
import java.util.Currency;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code pricing} section: {@code fx.pivot} (the currency cross rates go through),
 * {@code fx.maxAgeSeconds} (older rates are refused), {@code fx.demoRates} ({@code {"EUR": "0.92"}}:
 * pivot rates the local profile stores at every start, so converted prices work out of the box).
 */
public record PricingSettings(Currency pivot, Duration maxAge, Map<String, String> demoRates) {

  public static PricingSettings from(Platform platform) {
    Settings fx = Settings.of(platform.config()).child("pricing").child("fx");
    JsonObject demo = fx.json().getJsonObject("demoRates", new JsonObject());
    Map<String, String> rates = new TreeMap<>();
    demo.forEach(entry -> rates.put(entry.getKey(), String.valueOf(entry.getValue())));
    return new PricingSettings(Currency.getInstance(fx.string("pivot")),
        Duration.ofSeconds(fx.positive("maxAgeSeconds")), rates);
  }
}
