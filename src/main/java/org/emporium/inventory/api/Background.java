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
import org.emporium.platform.node.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The context's periodic work: the expiry sweeper, the stock signals, and the live feed
 * {@code emporium.stock.<sku>} ({@code {sku, available}} of this node's region, from
 * {@code stock.changed}). A round starts only when the previous one is over.
 */
final class Background {

  private static final Logger LOG = LoggerFactory.getLogger(Background.class);

  private final Vertx vertx;
  private final InventorySettings settings;
  private final Expiring expiring;
  private final StockSignals signals;
  private final LiveEvents live;
  private final List<Rounds> rounds = new ArrayList<>();
  private boolean stopped;

  Background(Vertx vertx, Platform platform, InventorySettings settings, Expiring expiring, StockSignals signals) {
    this.vertx = vertx;
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
    rounds.add(new Rounds(settings.sweepIntervalMs(), expiring::sweep, "expiring reservations"));
    rounds.add(new Rounds(settings.signalIntervalMs(), signals::publish, "publishing stock signals"));
    rounds.forEach(Rounds::schedule);
    return live.start();
  }

  Future<Void> stop() {
    stopped = true;
    rounds.forEach(r -> vertx.cancelTimer(r.timer));
    return live.stop();
  }

  /** One kind of periodic work; the next round is scheduled when this one is over. */
  private final class Rounds {
    private final long intervalMs;
    private final Supplier<Future<Integer>> round;
    private final String what;
    private long timer = -1;

    Rounds(long intervalMs, Supplier<Future<Integer>> round, String what) {
      this.intervalMs = intervalMs;
      this.round = round;
      this.what = what;
    }

    void schedule() {
      timer = vertx.setTimer(intervalMs, id -> round.get()
          .onFailure(failure -> LOG.warn("{} failed; next round in {} ms", what, intervalMs, failure))
          .onComplete(done -> {
            if (!stopped) {
              schedule();
            }
          }));
    }
  }
}
