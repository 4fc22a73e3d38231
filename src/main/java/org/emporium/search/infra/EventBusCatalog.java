package org.emporium.search.infra;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.search.application.CatalogSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The catalog's and inventory's addresses on the event bus, each request with a timeout. */
public final class EventBusCatalog implements CatalogSource {

  private final Vertx vertx;
  private final DeliveryOptions options;

  public EventBusCatalog(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMs);
  }

  @Override
  public Future<JsonObject> exportPage(String after, int limit) {
    return exportPage(after, limit, new JsonObject());
  }

  @Override
  public Future<JsonObject> exportPage(String after, int limit, JsonObject filter) {
    return request("catalog.exportProducts", filter.copy().put("after", after).put("limit", limit));
  }

  @Override
  public Future<JsonObject> categoryTree() {
    return request("catalog.categoryTree", new JsonObject());
  }

  @Override
  public Future<Map<String, Long>> availability(List<String> skus, String region) {
    return request("inventory.availability", new JsonObject().put("skus", new JsonArray(skus)).put("region", region))
        .map(reply -> {
          Map<String, Long> available = new HashMap<>();
          reply.getJsonArray("items", new JsonArray()).forEach(item -> {
            JsonObject stock = (JsonObject) item;
            available.put(stock.getString("sku"), stock.getLong("available", 0L));
          });
          return available;
        });
  }

  private Future<JsonObject> request(String address, JsonObject body) {
    return vertx.eventBus().<JsonObject>request(address, body, options).map(Message::body);
  }
}
