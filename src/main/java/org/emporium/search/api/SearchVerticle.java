package org.emporium.search.api;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.emporium.platform.error.Problems;
import org.emporium.platform.eventbus.ForwardedRequest;
import org.emporium.platform.eventbus.RequestIds;
import org.emporium.platform.events.TopicProvisioner;
import org.emporium.platform.node.Platform;
import org.emporium.search.application.Categories;
import org.emporium.search.application.SearchProducts;
import org.emporium.search.application.SearchSettings;
import org.emporium.search.domain.PriceConversion;
import org.emporium.search.infra.EventBusCatalog;
import org.emporium.search.infra.ProductSearch;
import org.emporium.search.infra.Replication;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The search context on this node: its own replica of the catalog (fed from Kafka, rebuilt from the
 * catalog when needed) and the {@code search.query} and {@code search.suggest} addresses over it.
 */
public final class SearchVerticle extends VerticleBase {

  private final Platform platform;
  private final PriceConversion rates;
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private Replication replication;

  public SearchVerticle(Platform platform) {
    this(platform, PriceConversion.NONE);
  }

  /** With exchange rates for prices in currencies a product has no explicit price in. */
  public SearchVerticle(Platform platform, PriceConversion rates) {
    this.platform = platform;
    this.rates = rates;
  }

  @Override
  public Future<?> start() {
    SearchSettings settings = SearchSettings.from(platform.config());
    EventBusCatalog catalog = new EventBusCatalog(vertx, settings.requestTimeoutMs());
    replication = new Replication(vertx, settings, catalog, platform.clients().kafkaCommon("search-" + settings.region()));
    TopicProvisioner topics = new TopicProvisioner(vertx, platform.kafkaAdmin(), platform.config().events(),
        platform.config().kafka().requestTimeoutMs());
    return topics.ensure(List.of(Replication.CATALOG_TOPIC, Replication.STOCK_TOPIC))
        .compose(ready -> replication.start())
        .compose(index -> {
          SearchProducts products = new SearchProducts(vertx, new ProductSearch(index, settings.baseCurrency().getCurrencyCode()),
              new Categories(catalog, platform.clock(), settings.categoryTreeTtlMs()), rates, settings);
          serve("search.query", products::search);
          serve("search.suggest", products::suggest);
          return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
        });
  }

  @Override
  public Future<?> stop() {
    return replication == null ? Future.succeededFuture() : replication.stop();
  }

  private void serve(String address, Function<ForwardedRequest, Future<JsonObject>> operation) {
    consumers.add(vertx.eventBus().consumer(address, (Message<JsonObject> message) -> {
      RequestIds.adopt(message);
      Future<JsonObject> reply;
      try {
        reply = operation.apply(ForwardedRequest.of(message.body()));
      } catch (RuntimeException e) {
        reply = Future.failedFuture(e);
      }
      reply.onSuccess(message::reply).onFailure(failure -> Problems.fail(message, failure));
    }));
  }
}
