package org.emporium.catalog.application;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.OptionalLong;

/**
 * A variant's price in a wanted currency: its own price there when it has one ("explicit"), else
 * its base price converted at the current rate ("converted"), else none.
 */
public final class Prices {

  private final String baseCurrency;
  private final PriceConversion conversion;

  public Prices(String baseCurrency, PriceConversion conversion) {
    this.baseCurrency = baseCurrency;
    this.conversion = conversion;
  }

  public String baseCurrency() {
    return baseCurrency;
  }

  /** {@code {price: {amount, currency} | null, compareAt, priceSource}} of one stored variant. */
  public JsonObject in(JsonObject variant, String currency) {
    JsonObject own = find(variant.getJsonArray("prices"), currency);
    if (own != null) {
      return quote(own.getLong("amount"), own.getLong("compareAt"), currency, "explicit");
    }
    JsonObject base = find(variant.getJsonArray("prices"), baseCurrency);
    if (base != null) {
      OptionalLong amount = conversion.convert(base.getLong("amount"), baseCurrency, currency);
      if (amount.isPresent()) {
        Long compareAt = base.getLong("compareAt");
        OptionalLong converted = compareAt == null ? OptionalLong.empty()
            : conversion.convert(compareAt, baseCurrency, currency);
        return quote(amount.getAsLong(), converted.isPresent() ? converted.getAsLong() : null, currency, "converted");
      }
    }
    return new JsonObject().putNull("price").putNull("compareAt").putNull("priceSource");
  }

  /** {@code {amount, currency}} of the variant's base-currency price (every variant has one). */
  public JsonObject base(JsonObject variant) {
    JsonObject base = find(variant.getJsonArray("prices"), baseCurrency);
    return base == null ? null : new JsonObject().put("amount", base.getLong("amount")).put("currency", baseCurrency);
  }

  /** A copy of the snapshot whose variants also carry their price in {@code currency}. */
  public JsonObject view(JsonObject snapshot, String currency) {
    if (currency == null) {
      return snapshot;
    }
    JsonObject copy = snapshot.copy();
    copy.getJsonArray("variants").forEach(v -> ((JsonObject) v).mergeIn(in((JsonObject) v, currency)));
    return copy;
  }

  private static JsonObject quote(long amount, Long compareAt, String currency, String source) {
    return new JsonObject().put("price", new JsonObject().put("amount", amount).put("currency", currency))
        .put("compareAt", compareAt).put("priceSource", source);
  }

  private static JsonObject find(JsonArray prices, String currency) {
    for (int i = 0; i < prices.size(); i++) {
      JsonObject price = prices.getJsonObject(i);
      if (currency.equals(price.getString("currency"))) {
        return price;
      }
    }
    return null;
  }
}
