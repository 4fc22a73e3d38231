package org.emporium.platform.money;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.config.Settings;
import org.emporium.platform.node.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A verticle's copy of the pricing context's exchange rates. It asks {@code pricing.fxRates} at start,
 * again whenever {@code pricing.fx.updated} is published (the pricing context's live feed of its
 * {@code fx.updated} events) and every {@code pricing.fx.refreshIntervalMs} in case a notification was
 * lost. While pricing cannot be reached the table stays as it was (empty at first), so conversions are
 * refused with a clear {@link FxUnavailableException}, never made with invented rates.
 */
public final class FxRatesCache {

  public static final String RATES_ADDRESS = "pricing.fxRates";
  public static final String UPDATED_ADDRESS = "pricing.fx.updated";

  private static final Logger LOG = LoggerFactory.getLogger(FxRatesCache.class);

  private final Vertx vertx;
  private final DeliveryOptions request;
  private volatile FxTable current = FxTable.EMPTY;
  private MessageConsumer<Object> updates;
  private long timer;

  private FxRatesCache(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.request = new DeliveryOptions().setSendTimeout(timeoutMs);
  }

  /** A started cache; it never fails, an unreachable pricing context only leaves it empty for now. */
  public static Future<FxRatesCache> start(Vertx vertx, Platform platform) {
    return start(vertx, platform.config());
  }

  public static Future<FxRatesCache> start(Vertx vertx, NodeConfig config) {
    long refreshMs = Settings.of(config).child("pricing").child("fx").positive("refreshIntervalMs");
    FxRatesCache cache = new FxRatesCache(vertx, config.eventBusTimeoutMs());
    cache.updates = vertx.eventBus().consumer(UPDATED_ADDRESS, message -> cache.refresh());
    cache.timer = vertx.setPeriodic(refreshMs, id -> cache.refresh());
    return cache.updates.completion().compose(registered -> cache.refresh()).map(cache);
  }

  public FxTable current() {
    return current;
  }

  /** Fetches the rates now; completes (keeping the old table) even when pricing does not answer. */
  public Future<Void> refresh() {
    return vertx.eventBus().<JsonObject>request(RATES_ADDRESS, new JsonObject(), request)
        .map(reply -> FxTableJson.table(reply.body()))
        .onSuccess(table -> current = table)
        .onFailure(failure -> LOG.debug("Exchange rates not refreshed: {}", failure.getMessage()))
        .<Void>mapEmpty().otherwiseEmpty();
  }

  public Future<Void> close() {
    vertx.cancelTimer(timer);
    return updates == null ? Future.succeededFuture() : updates.unregister();
  }
}
