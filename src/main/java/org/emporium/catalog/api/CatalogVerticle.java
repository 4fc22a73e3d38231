package org.emporium.catalog.api;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.emporium.catalog.application.CatalogSettings;
import org.emporium.catalog.application.ChangingProducts;
import org.emporium.catalog.application.ManagingTaxonomy;
import org.emporium.catalog.application.Prices;
import org.emporium.catalog.application.ProductCache;
import org.emporium.catalog.application.ReadingProducts;
import org.emporium.catalog.application.SeedingDemoCatalog;
import org.emporium.catalog.infra.BusProductChanges;
import org.emporium.catalog.infra.BusStockReceipts;
import org.emporium.catalog.infra.FxPriceConversion;
import org.emporium.catalog.infra.PgProducts;
import org.emporium.catalog.infra.PgSeedClaims;
import org.emporium.catalog.infra.PgTaxonomy;
import org.emporium.platform.eventbus.BusEndpoints;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.money.FxRatesCache;
import org.emporium.platform.node.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * The catalog context: products, prices, categories, brands and shops on the {@code catalog.*}
 * addresses, a per-instance snapshot cache emptied by {@value BusProductChanges#ADDRESS}, and the
 * demo catalog when enabled.
 */
public final class CatalogVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(CatalogVerticle.class);
  private static final String CONTEXT = "catalog";

  private final Platform platform;
  private FxRatesCache rates;

  public CatalogVerticle(Platform platform) {
    this.platform = platform;
  }

  @Override
  public Future<?> start() {
    return FxRatesCache.start(vertx, platform).compose(fx -> {
      rates = fx;
      return wire();
    });
  }

  @Override
  public Future<?> stop() {
    return rates == null ? Future.succeededFuture() : rates.close();
  }

  private Future<?> wire() {
    CatalogSettings settings = CatalogSettings.from(platform.config());
    Pool pool = platform.clients().postgres(vertx, CONTEXT);
    Outbox outbox = new Outbox(CONTEXT, platform.region(), platform.ids(), platform.clock());
    PgProducts products = new PgProducts();
    PgTaxonomy taxonomy = new PgTaxonomy();
    BusProductChanges changes = new BusProductChanges(vertx.eventBus());
    ProductCache cache = new ProductCache(settings.cacheMaxEntries(), settings.cacheTtlSeconds() * 1000,
        platform.clock()::millis);
    ChangingProducts changing = new ChangingProducts(pool, outbox, products, changes, platform.ids(),
        platform.clock(), settings.baseCurrency());
    ManagingTaxonomy managing = new ManagingTaxonomy(pool, outbox, taxonomy, changes, platform.ids(), platform.clock());
    CatalogEndpoints endpoints = new CatalogEndpoints(changing, new ReadingProducts(pool, products, taxonomy, cache,
        new Prices(settings.baseCurrency(), new FxPriceConversion(rates, platform.clock()))), managing);
    BusEndpoints bus = new BusEndpoints(vertx, RejectionProblems::of);
    bus.forwarded("catalog.getProduct", endpoints::getProduct);
    bus.forwarded("catalog.getProductBySlug", endpoints::getProductBySlug);
    bus.forwarded("catalog.listProducts", endpoints::listProducts);
    bus.forwarded("catalog.createProduct", endpoints::createProduct);
    bus.forwarded("catalog.replaceProduct", endpoints::replaceProduct);
    bus.forwarded("catalog.updateProduct", endpoints::updateProduct);
    bus.forwarded("catalog.deleteProduct", endpoints::deleteProduct);
    bus.forwarded("catalog.putPrice", endpoints::putPrice);
    bus.forwarded("catalog.lookupPublishedSkus", endpoints::lookupPublishedSkus);
    bus.forwarded("catalog.listCategories", endpoints::listCategories);
    bus.forwarded("catalog.listBrands", endpoints::listBrands);
    bus.forwarded("catalog.createCategory", endpoints::createCategory);
    bus.forwarded("catalog.updateCategory", endpoints::updateCategory);
    bus.forwarded("catalog.createBrand", request -> endpoints.createNamed("brand", request));
    bus.forwarded("catalog.updateBrand", request -> endpoints.updateNamed("brand", request));
    bus.forwarded("catalog.createShop", request -> endpoints.createNamed("shop", request));
    bus.forwarded("catalog.updateShop", request -> endpoints.updateNamed("shop", request));
    bus.forwarded("catalog.listShops", endpoints::listShops);
    bus.serve("catalog.lookupSkus", endpoints::lookupSkus);
    bus.serve("catalog.exportProducts", endpoints::exportProducts);
    bus.serve("catalog.categoryTree", endpoints::categoryTree);
    MessageConsumer<JsonObject> invalidations = vertx.eventBus().consumer(BusProductChanges.ADDRESS, message -> {
      JsonArray ids = message.body().getJsonArray("ids");
      if (ids == null) {
        cache.clear();
      } else {
        cache.invalidate(ids.stream().map(id -> UUID.fromString((String) id)).toList());
      }
    });
    return Future.all(bus.registered(), invalidations.completion())
        .onSuccess(registered -> seed(settings, pool, outbox, managing, changing));
  }

  /** Runs after start so the node becomes ready at once; a failure is logged, not fatal. */
  private void seed(CatalogSettings settings, Pool pool, Outbox outbox, ManagingTaxonomy managing,
      ChangingProducts changing) {
    if (!settings.demoEnabled()) {
      return;
    }
    SeedingDemoCatalog seeding = new SeedingDemoCatalog(vertx, pool, outbox, new PgSeedClaims(platform.clock()),
        managing, changing, new BusStockReceipts(vertx.eventBus(), settings.stockTimeoutMs()));
    seeding.seedIfEmpty(settings.demoSeed(), settings.demoProducts())
        .compose(made -> made == 0 ? Future.succeededFuture(-1)
            : seeding.receiveStock(settings.demoSeed(), made).onFailure(e -> LOG.warn(
                "Demo catalog seeded without stock: {}", e.getMessage())).otherwise(-1)
                .onSuccess(skus -> LOG.info("Demo catalog seeded: {} products; stock received for {} SKUs", made,
                    skus < 0 ? 0 : skus)))
        .onFailure(e -> LOG.error("Demo catalog seeding failed", e));
  }
}
