package org.emporium.search;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stand-ins for the catalog and inventory contexts on the event bus, answering the addresses of
 * the cross-context contract from maps the test fills.
 */
final class SearchStandIns {

  final ConcurrentSkipListMap<String, JsonObject> published = new ConcurrentSkipListMap<>();
  final Map<String, Long> stock = new ConcurrentHashMap<>();
  final AtomicInteger exportPages = new AtomicInteger();
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();

  SearchStandIns register(Vertx vertx) {
    consumers.add(vertx.eventBus().<JsonObject>consumer("catalog.exportProducts", message -> {
      exportPages.incrementAndGet();
      String after = message.body().getString("after");
      int limit = message.body().getInteger("limit");
      JsonArray items = new JsonArray();
      (after == null ? published : published.tailMap(after, false)).values().stream().limit(limit).forEach(items::add);
      String next = items.size() < limit ? null : items.getJsonObject(items.size() - 1).getString("id");
      message.reply(new JsonObject().put("items", items).put("next", next));
    }));
    consumers.add(vertx.eventBus().<JsonObject>consumer("catalog.categoryTree", message -> message.reply(Products.tree())));
    consumers.add(vertx.eventBus().<JsonObject>consumer("inventory.availability", message -> {
      JsonArray items = new JsonArray();
      message.body().getJsonArray("skus").forEach(sku -> items.add(new JsonObject().put("sku", sku)
          .put("available", stock.getOrDefault((String) sku, 0L))));
      message.reply(new JsonObject().put("items", items));
    }));
    consumers.forEach(c -> c.completion().await());
    return this;
  }

  void unregister() {
    consumers.forEach(c -> c.unregister().await());
  }
}
