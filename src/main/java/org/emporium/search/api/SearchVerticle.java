package org.emporium.search.api;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.emporium.platform.eventbus.BusEndpoints;
import org.emporium.platform.events.TopicProvisioner;
import org.emporium.platform.money.FxRatesCache;
import org.emporium.platform.node.Platform;
import org.emporium.search.application.Categories;
import org.emporium.search.application.SearchProducts;
import org.emporium.search.application.SearchSettings;
import org.emporium.search.domain.PriceConversion;
import org.emporium.search.infra.EventBusCatalog;
import org.emporium.search.infra.FxConversion;
import org.emporium.search.infra.ProductSearch;
import org.emporium.search.infra.Replication;

import java.util.List;

/**
 * The search context on this node: its own replica of the catalog (fed from Kafka, rebuilt from the
 * catalog when needed) and the {@code search.query} and {@code search.suggest} addresses over it.
 */
public final class SearchVerticle extends VerticleBase {

  private final Platform platform;
  private final PriceConversion givenRates;
  private Replication replication;
  private FxRatesCache fx;

  /** Prices in other currencies converted with the node's exchange-rate cache. */
  public SearchVerticle(Platform platform) {
    this(platform, null);
  }

  /** With these exchange rates instead of the node's cache. */
  public SearchVerticle(Platform platform, PriceConversion rates) {
    this.platform = platform;
    this.givenRates = rates;
  }

  @Override
  public Future<?> start() {
    SearchSettings settings = SearchSettings.from(platform.config());
    EventBusCatalog catalog = new EventBusCatalog(vertx, settings.requestTimeoutMs());
    replication = new Replication(vertx, settings, catalog, platform.clients().kafkaCommon("search-" + settings.region()));
    TopicProvisioner topics = new TopicProvisioner(vertx, platform.kafkaAdmin(), platform.config().events(),
        platform.config().kafka().requestTimeoutMs());
    Future<PriceConversion> rates = givenRates != null ? Future.succeededFuture(givenRates)
        : FxRatesCache.start(vertx, platform).map(cache -> {
          fx = cache;
          return new FxConversion(cache, platform.clock());
        });
    return Future.all(rates, topics.ensure(List.of(Replication.CATALOG_TOPIC, Replication.TAXONOMY_TOPIC, Replication.STOCK_TOPIC)))
        .compose(ready -> replication.start())
        .compose(index -> {
          SearchProducts products = new SearchProducts(vertx,
              new ProductSearch(index, settings.baseCurrency().getCurrencyCode()),
              new Categories(catalog, platform.clock(), settings.categoryTreeTtlMs()), rates.result(), settings);
          return new BusEndpoints(vertx)
              .forwarded("search.query", products::search)
              .forwarded("search.suggest", products::suggest)
              .registered();
        });
  }

  @Override
  public Future<?> stop() {
    Future<Void> closed = fx == null ? Future.succeededFuture() : fx.close();
    return closed.eventually(() -> replication == null ? Future.succeededFuture() : replication.stop());
  }
}
