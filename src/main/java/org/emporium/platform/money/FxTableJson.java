package org.emporium.platform.money;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;

/**
 * The wire form of an {@link FxTable} on the event bus:
 * {@code {pivot, maxAgeSeconds, rates: [{base, quote, rate: "0.92", source, asOf}], rules: {cashIncrements:
 * {"ISK": "10"}, charmEndings: {"EUR": "0.99"}}}}. Rates and amounts travel as decimal strings so no digit
 * is lost to a double; the rules travel with the rates so every node finishes prices the same way.
 */
public final class FxTableJson {

  private FxTableJson() {
  }

  public static JsonObject of(FxTable table) {
    JsonArray rates = new JsonArray();
    table.rates().forEach(rate -> rates.add(of(rate)));
    return new JsonObject().put("pivot", table.pivot().getCurrencyCode())
        .put("maxAgeSeconds", table.maxAge().toSeconds()).put("rates", rates).put("rules", of(table.rules()));
  }

  public static JsonObject of(PriceRules rules) {
    return new JsonObject().put("cashIncrements", decimals(rules.cashIncrements()))
        .put("charmEndings", decimals(rules.charmEndings()));
  }

  public static JsonObject of(FxRate rate) {
    return new JsonObject().put("base", rate.base().getCurrencyCode()).put("quote", rate.quote().getCurrencyCode())
        .put("rate", rate.rate().toPlainString()).put("source", rate.source()).put("asOf", rate.asOf().toString());
  }

  /** Reads {@link #of(FxTable)}; IllegalArgumentException (or a parse exception) when malformed. */
  public static FxTable table(JsonObject json) {
    return new FxTable(Currency.getInstance(json.getString("pivot")),
        json.getJsonArray("rates").stream().map(JsonObject.class::cast).map(FxTableJson::rate).toList(),
        Duration.ofSeconds(json.getLong("maxAgeSeconds")), rules(json.getJsonObject("rules")));
  }

  /** Missing rules (a node of an older version answered) mean none. */
  public static PriceRules rules(JsonObject json) {
    if (json == null) {
      return PriceRules.NONE;
    }
    return PriceRules.parse(strings(json.getJsonObject("cashIncrements")), strings(json.getJsonObject("charmEndings")));
  }

  public static FxRate rate(JsonObject json) {
    return new FxRate(Currency.getInstance(json.getString("base")), Currency.getInstance(json.getString("quote")),
        new BigDecimal(json.getString("rate")), json.getString("source"), Instant.parse(json.getString("asOf")));
  }

  private static JsonObject decimals(Map<Currency, Long> minorUnits) {
    JsonObject json = new JsonObject();
    minorUnits.entrySet().stream().sorted(Comparator.comparing(e -> e.getKey().getCurrencyCode()))
        .forEach(e -> json.put(e.getKey().getCurrencyCode(), Money.ofMinor(e.getValue(), e.getKey()).toMajor()
            .toPlainString()));
    return json;
  }

  private static Map<String, String> strings(JsonObject json) {
    Map<String, String> values = new HashMap<>();
    if (json != null) {
      json.forEach(entry -> values.put(entry.getKey(), String.valueOf(entry.getValue())));
    }
    return values;
  }
}
