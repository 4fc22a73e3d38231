package org.emporium.pricing.api;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.emporium.platform.eventbus.BusEndpoints;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.live.LiveEvents;
import org.emporium.platform.events.live.LiveRoute;
import org.emporium.platform.money.FxRatesCache;
import org.emporium.platform.node.Platform;
import org.emporium.pricing.application.DemoRates;
import org.emporium.pricing.application.PricingSettings;
import org.emporium.pricing.application.ReadingRates;
import org.emporium.pricing.application.SettingRates;
import org.emporium.pricing.infra.PgFxRates;

import java.util.Set;

/**
 * The pricing context: exchange rates on {@code pricing.fxRates} (every node's rate cache),
 * {@code pricing.listRates} and {@code pricing.putRates} (REST), the live feed that turns each
 * {@code fx.updated} event into a cluster-wide {@code pricing.fx.updated} notice; promotions and
 * coupons on the addresses of {@link PromotionEndpoints}; quotes, conversions, rate imports and tax
 * tables on those of {@link QuoteAddresses}.
 */
public final class PricingVerticle extends VerticleBase {

  private static final String CONTEXT = "pricing";
  private static final String FX_UPDATED = "emporium.pricing.fx.updated.v1";

  private final Platform platform;
  private LiveEvents feed;
  private QuoteAddresses quotes;

  public PricingVerticle(Platform platform) {
    this.platform = platform;
  }

  @Override
  public Future<?> start() {
    PricingSettings settings = PricingSettings.from(platform);
    Pool pool = platform.clients().postgres(vertx, CONTEXT);
    Outbox outbox = new Outbox(CONTEXT, platform.region(), platform.ids(), platform.clock());
    PgFxRates rates = new PgFxRates(platform.clock());
    ReadingRates reading = new ReadingRates(pool, rates, settings);
    // the cluster's caches reload at once after a write, not only when its event comes back from Kafka
    SettingRates setting = new SettingRates(pool, outbox, rates,
        () -> vertx.eventBus().publish(FxRatesCache.UPDATED_ADDRESS, new JsonObject()));
    PricingEndpoints endpoints = new PricingEndpoints(reading, setting, platform.clock());
    PromotionEndpoints promotions = PromotionEndpoints.serve(vertx, platform, pool, outbox);
    BusEndpoints bus = new BusEndpoints(vertx)
        .serve(FxRatesCache.RATES_ADDRESS, endpoints::fxRates)
        .forwarded("pricing.listRates", endpoints::listRates)
        .forwarded("pricing.putRates", endpoints::putRates);
    feed = LiveEvents.builder(vertx, platform).name("fx").topics(SettingRates.TOPIC)
        .route(LiveRoute.forTypes(Set.of(FX_UPDATED), event -> FxRatesCache.UPDATED_ADDRESS)).build();
    return new DemoRates(setting, settings, platform.clock()).store()
        .compose(stored -> Future.all(bus.registered(), promotions.registered()))
        .compose(registered -> QuoteAddresses.start(vertx, platform, pool, setting,
            promotions.discounting()))
        .onSuccess(started -> quotes = started)
        .compose(started -> feed.start());
  }

  @Override
  public Future<?> stop() {
    return Future.all(feed == null ? Future.succeededFuture() : feed.stop(),
        quotes == null ? Future.succeededFuture() : quotes.stop());
  }
}
