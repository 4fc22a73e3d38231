package org.emporium.cart.infra;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.cart.application.Catalog;
import org.emporium.cart.application.Rejected;
import org.emporium.cart.domain.CatalogItem;
import org.emporium.cart.domain.Rejection;
import org.emporium.platform.eventbus.RequestIds;
import org.emporium.platform.eventbus.SameLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The catalog over {@code catalog.lookupSkus}, with a timeout; any failure is "unavailable". */
public final class BusCatalog implements Catalog {

  private static final Logger LOG = LoggerFactory.getLogger(BusCatalog.class);

  private final Vertx vertx;
  private final long timeoutMs;

  public BusCatalog(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public Future<Map<String, CatalogItem>> lookup(Collection<String> skus, String currency) {
    JsonObject request = new JsonObject().put("skus", new JsonArray(skus.stream().distinct().toList()))
        .put("currency", currency);
    return SameLoop.<JsonObject>request(vertx.eventBus(), "catalog.lookupSkus", request,
        RequestIds.deliveryOptions(timeoutMs))
        .map(Message::body)
        .map(reply -> {
          Map<String, CatalogItem> found = new HashMap<>();
          reply.getJsonArray("items", new JsonArray()).forEach(i -> {
            JsonObject item = (JsonObject) i;
            JsonObject price = item.getJsonObject("price");
            Long amount = price != null && currency.equals(price.getString("currency")) ? price.getLong("amount") : null;
            found.put(item.getString("sku"), new CatalogItem(item.getString("sku"),
                UUID.fromString(item.getString("productId")), item.getString("title"), item.getString("status"), amount));
          });
          return found;
        })
        .recover(failure -> {
          LOG.warn("Catalog lookup failed: {}", failure.toString());
          return Future.failedFuture(new Rejected(new Rejection.Unavailable(
              "The catalog cannot be reached right now; nothing changed.")));
        });
  }
}
