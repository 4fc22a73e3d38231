package org.emporium.search;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.emporium.platform.money.FxRate;
import org.emporium.platform.money.FxTable;
import org.emporium.platform.money.FxTableJson;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stand-ins for the catalog, inventory and pricing contexts on the event bus, answering the
 * addresses of the cross-context contract from maps the test fills (pricing: one rate, 1 USD = 0.8 GBP).
 */
final class SearchStandIns {

  final ConcurrentSkipListMap<String, JsonObject> published = new ConcurrentSkipListMap<>();
  final Map<String, Long> stock = new ConcurrentHashMap<>();
  final AtomicInteger exportPages = new AtomicInteger();
  /** While set, inventory.availability fails as an unreachable inventory context would. */
  volatile boolean inventoryDown;
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
      if (inventoryDown) {
        message.fail(503, "inventory is down");
        return;
      }
      JsonArray items = new JsonArray();
      message.body().getJsonArray("skus").forEach(sku -> items.add(new JsonObject().put("sku", sku)
          .put("available", stock.getOrDefault((String) sku, 0L))));
      message.reply(new JsonObject().put("items", items));
    }));
    consumers.add(vertx.eventBus().<JsonObject>consumer("pricing.fxRates", message -> message.reply(
        FxTableJson.of(new FxTable(Currency.getInstance("USD"), List.of(new FxRate(Currency.getInstance("USD"),
            Currency.getInstance("GBP"), new BigDecimal("0.8"), "test", Instant.now())), Duration.ofDays(1))))));
    consumers.forEach(c -> c.completion().await());
    return this;
  }

  void unregister() {
    consumers.forEach(c -> c.unregister().await());
  }
}
