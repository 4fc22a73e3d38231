package org.emporium.cart.api;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Redis;
import io.vertx.sqlclient.Pool;
import org.emporium.cart.application.CartCurrencies;
import org.emporium.cart.application.CartSettings;
import org.emporium.cart.application.Catalog;
import org.emporium.cart.application.ChangingCarts;
import org.emporium.cart.application.CheckingOut;
import org.emporium.cart.application.MergingCarts;
import org.emporium.cart.application.OpeningCarts;
import org.emporium.cart.application.Restoring;
import org.emporium.cart.domain.CartTokens;
import org.emporium.cart.infra.BusCatalog;
import org.emporium.cart.infra.BusCoupons;
import org.emporium.cart.infra.BusPreferences;
import org.emporium.cart.infra.CachedCatalog;
import org.emporium.cart.infra.CartScripts;
import org.emporium.cart.infra.PgCartCopies;
import org.emporium.cart.infra.RedisCarts;
import org.emporium.cart.infra.RedisPipeline;
import org.emporium.platform.eventbus.BusEndpoints;
import org.emporium.platform.money.FxRatesCache;
import org.emporium.platform.node.Platform;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One instance per event loop: a share of the {@code cart.*} addresses, with its own pipelined Redis
 * connection, its memory of cart currencies and its cache of catalog answers (emptied by the
 * catalog's change notices and by exchange-rate updates).
 */
final class CartBusVerticle extends VerticleBase {

  private static final int KNOWN_CURRENCIES = 20_000;

  private final Platform platform;
  private final CartSettings settings;
  private final CartScripts scripts;
  private final List<MessageConsumer<?>> notices = new ArrayList<>();
  private Redis redis;
  private RedisPipeline pipeline;

  CartBusVerticle(Platform platform, CartSettings settings, CartScripts scripts) {
    this.platform = platform;
    this.settings = settings;
    this.scripts = scripts;
  }

  @Override
  public Future<?> start() {
    Pool pool = platform.clients().postgres(vertx, CartVerticle.CONTEXT);
    redis = platform.clients().redis(vertx);
    pipeline = new RedisPipeline(redis, platform.config().redis().timeoutMs());
    RedisCarts store = new RedisCarts(pipeline, scripts, platform.clock(), settings.guestTtlMs(),
        settings.customerTtlMs(), settings.rules());
    PgCartCopies copies = new PgCartCopies();
    Restoring restoring = new Restoring(store, copies, pool, platform.clock());
    Catalog catalog = catalog();
    OpeningCarts opening = new OpeningCarts(store, copies, restoring,
        new BusPreferences(vertx, settings.lookupTimeoutMs()), new CartTokens(new SecureRandom()), platform.ids(),
        pool, platform.clock(), settings.defaultCurrency());
    CartEndpoints endpoints = new CartEndpoints(opening,
        new ChangingCarts(store, restoring, catalog, new BusCoupons(vertx, settings.lookupTimeoutMs()),
            settings.rules(), new CartCurrencies(KNOWN_CURRENCIES)),
        new MergingCarts(store, restoring, opening, catalog),
        new CheckingOut(store, copies, restoring, pool, platform.clock()));
    BusEndpoints bus = new BusEndpoints(vertx, CartProblems::of)
        .forwarded("cart.create", endpoints::create)
        .forwarded("cart.get", endpoints::get)
        .forwarded("cart.addItem", endpoints::addItem)
        .forwarded("cart.setQuantity", endpoints::setQuantity)
        .forwarded("cart.removeItem", endpoints::removeItem)
        .forwarded("cart.clear", endpoints::clear)
        .forwarded("cart.applyCoupon", endpoints::applyCoupon)
        .forwarded("cart.removeCoupon", endpoints::removeCoupon)
        .forwarded("cart.merge", endpoints::merge)
        .serve("cart.checkoutView", endpoints::checkoutView)
        .serve("cart.checkedOut", endpoints::checkedOut);
    return Future.all(bus.registered(), Future.all(notices.stream().map(MessageConsumer::completion).toList()));
  }

  @Override
  public Future<?> stop() {
    return (pipeline == null ? Future.succeededFuture() : pipeline.close())
        .eventually(() -> redis == null ? Future.succeededFuture() : redis.close());
  }

  private Catalog catalog() {
    BusCatalog catalog = new BusCatalog(vertx, settings.lookupTimeoutMs());
    if (settings.priceCacheEntries() == 0) {
      return catalog;
    }
    CachedCatalog cached = new CachedCatalog(catalog, settings.priceCacheEntries(), settings.priceCacheTtlMs(),
        platform.clock()::millis);
    notices.add(vertx.eventBus().<JsonObject>consumer("catalog.productsChanged", message -> {
      JsonArray ids = message.body().getJsonArray("ids");
      if (ids == null) {
        cached.forgetAll();
      } else {
        cached.forget(ids.stream().map(id -> UUID.fromString((String) id)).toList());
      }
    }));
    notices.add(vertx.eventBus().consumer(FxRatesCache.UPDATED_ADDRESS, message -> cached.forgetAll()));
    return cached;
  }
}
