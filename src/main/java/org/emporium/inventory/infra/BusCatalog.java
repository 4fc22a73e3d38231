package org.emporium.inventory.infra;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.inventory.application.Catalog;
import org.emporium.platform.eventbus.SameLoop;

import java.util.HashSet;
import java.util.Set;

/** The catalog over {@code catalog.lookupSkus}, with a timeout. */
public final class BusCatalog implements Catalog {

  private final Vertx vertx;
  private final long timeoutMs;

  public BusCatalog(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public Future<Set<String>> missing(Set<String> skus) {
    JsonObject request = new JsonObject().put("skus", new JsonArray(skus.stream().sorted().toList()));
    return SameLoop.<JsonObject>request(vertx.eventBus(), "catalog.lookupSkus", request,
        new DeliveryOptions().setSendTimeout(timeoutMs))
        .map(Message::body)
        .map(reply -> {
          Set<String> missing = new HashSet<>(skus);
          JsonArray items = reply.getJsonArray("items", new JsonArray());
          for (int i = 0; i < items.size(); i++) {
            missing.remove(items.getJsonObject(i).getString("sku"));
          }
          return missing;
        });
  }
}
