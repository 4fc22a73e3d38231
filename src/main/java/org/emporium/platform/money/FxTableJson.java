package org.emporium.platform.money;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;

/**
 * The wire form of an {@link FxTable} on the event bus:
 * {@code {pivot, maxAgeSeconds, rates: [{base, quote, rate: "0.92", source, asOf}]}}. Rates travel as
 * decimal strings so no digit is lost to a double.
 */
public final class FxTableJson {

  private FxTableJson() {
  }

  public static JsonObject of(FxTable table) {
    JsonArray rates = new JsonArray();
    table.rates().forEach(rate -> rates.add(of(rate)));
    return new JsonObject().put("pivot", table.pivot().getCurrencyCode())
        .put("maxAgeSeconds", table.maxAge().toSeconds()).put("rates", rates);
  }

  public static JsonObject of(FxRate rate) {
    return new JsonObject().put("base", rate.base().getCurrencyCode()).put("quote", rate.quote().getCurrencyCode())
        .put("rate", rate.rate().toPlainString()).put("source", rate.source()).put("asOf", rate.asOf().toString());
  }

  /** Reads {@link #of(FxTable)}; IllegalArgumentException (or a parse exception) when malformed. */
  public static FxTable table(JsonObject json) {
    return new FxTable(Currency.getInstance(json.getString("pivot")),
        json.getJsonArray("rates").stream().map(JsonObject.class::cast).map(FxTableJson::rate).toList(),
        Duration.ofSeconds(json.getLong("maxAgeSeconds")));
  }

  public static FxRate rate(JsonObject json) {
    return new FxRate(Currency.getInstance(json.getString("base")), Currency.getInstance(json.getString("quote")),
        new BigDecimal(json.getString("rate")), json.getString("source"), Instant.parse(json.getString("asOf")));
  }
}
