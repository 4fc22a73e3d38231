package org.emporium.pricing.infra;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.platform.eventbus.RequestIds;
import org.emporium.platform.eventbus.SameLoop;
import org.emporium.platform.money.Money;
import org.emporium.pricing.application.Catalog;
import org.emporium.pricing.domain.CatalogItem;

import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The catalog over {@code catalog.lookupSkus}, with a timeout. */
public final class BusCatalog implements Catalog {

  private final Vertx vertx;
  private final long timeoutMs;

  public BusCatalog(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public Future<Map<String, CatalogItem>> lookup(List<String> skus, Currency currency) {
    JsonObject request = new JsonObject().put("skus", new JsonArray(skus)).put("currency", currency.getCurrencyCode());
    return SameLoop.<JsonObject>request(vertx.eventBus(), "catalog.lookupSkus", request,
            RequestIds.deliveryOptions(timeoutMs))
        .map(Message::body)
        .map(reply -> {
          Map<String, CatalogItem> found = new HashMap<>();
          reply.getJsonArray("items", new JsonArray()).forEach(value -> {
            CatalogItem item = item((JsonObject) value);
            found.put(item.sku(), item);
          });
          return found;
        });
  }

  private static CatalogItem item(JsonObject json) {
    Optional<Money> explicit = "explicit".equals(json.getString("priceSource"))
        ? Optional.of(money(json.getJsonObject("price"))) : Optional.empty();
    List<String> path = json.getJsonArray("categoryPath", new JsonArray()).stream().map(String::valueOf).toList();
    return new CatalogItem(json.getString("sku"), json.getString("status"), path, explicit,
        money(json.getJsonObject("basePrice")));
  }

  private static Money money(JsonObject json) {
    return json == null ? null : Money.ofMinor(json.getLong("amount"), json.getString("currency"));
  }
}
