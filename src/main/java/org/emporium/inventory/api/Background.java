package org.emporium.inventory.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.emporium.inventory.application.Expiring;
import org.emporium.inventory.application.InventoryEvents;
import org.emporium.inventory.application.InventorySettings;
import org.emporium.inventory.application.StockSignals;
import org.emporium.platform.events.live.LiveEvents;
import org.emporium.platform.events.live.LiveMessage;
import org.emporium.platform.node.PeriodicWork;
import org.emporium.platform.node.Platform;

import java.util.Optional;

/**
 * The context's periodic work: the expiry sweeper, the stock signals, and the live feed
 * {@code emporium.stock.<sku>} ({@code {sku, available}} of this node's region, from
 * {@code stock.changed}). A round starts only when the previous one is over.
 */
final class Background {

  private final InventorySettings settings;
  private final Expiring expiring;
  private final StockSignals signals;
  private final LiveEvents live;
  private final PeriodicWork rounds;

  Background(Vertx vertx, Platform platform, InventorySettings settings, Expiring expiring, StockSignals signals) {
    this.rounds = new PeriodicWork(vertx);
    this.settings = settings;
    this.expiring = expiring;
    this.signals = signals;
    String region = platform.region();
    this.live = LiveEvents.builder(vertx, platform).name("stock").topics(InventoryEvents.STOCK_TOPIC)
        .route(event -> InventoryEvents.STOCK_CHANGED.equals(event.type())
            && region.equals(event.data().getString("region"))
            ? Optional.of(new LiveMessage("emporium.stock." + event.data().getString("sku"), new JsonObject()
                .put("sku", event.data().getString("sku")).put("available", event.data().getLong("available"))))
            : Optional.empty())
        .build();
  }

  Future<Void> start() {
    rounds.every(settings.sweepIntervalMs(), "expiring reservations", expiring::sweep)
        .every(settings.sweepIntervalMs(), "purging ended reservations", expiring::purge)
        .every(settings.signalIntervalMs(), "publishing stock signals", signals::publish);
    return live.start();
  }

  Future<Void> stop() {
    rounds.stop();
    return live.stop();
  }
}
