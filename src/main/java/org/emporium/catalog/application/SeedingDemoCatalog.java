package org.emporium.catalog.application;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.emporium.catalog.domain.DemoCatalog;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Fills an empty catalog with {@link DemoCatalog}: taxonomy first, then products in small
 * transactions (the event loop is free between them), each with its {@code product.created}
 * event; then stock through {@code inventory.receive}. Only one node seeds (a claim row), and
 * missing inventory is logged, not fatal.
 */
public final class SeedingDemoCatalog {

  public static final String REFERENCE = "demo-seed";
  private static final Logger LOG = LoggerFactory.getLogger(SeedingDemoCatalog.class);
  private static final int BATCH = 25;
  private static final int INVENTORY_WAIT_ATTEMPTS = 30;
  private static final Principal SYSTEM = new Principal("catalog-demo-seed", new UUID(0, 0), "emporium",
      Set.of("admin"), Set.of("*"), null, null, null, "Demo seeding");

  private final Vertx vertx;
  private final Pool pool;
  private final Outbox outbox;
  private final SeedClaims claims;
  private final ManagingTaxonomy taxonomy;
  private final ChangingProducts changing;
  private final StockReceipts stock;

  public SeedingDemoCatalog(Vertx vertx, Pool pool, Outbox outbox, SeedClaims claims, ManagingTaxonomy taxonomy,
      ChangingProducts changing, StockReceipts stock) {
    this.vertx = vertx;
    this.pool = pool;
    this.outbox = outbox;
    this.claims = claims;
    this.taxonomy = taxonomy;
    this.changing = changing;
    this.stock = stock;
  }

  /** Seeds {@code count} products when the catalog is empty; answers how many were made. */
  public Future<Integer> seedIfEmpty(long seed, int count) {
    DemoCatalog demo = new DemoCatalog(seed);
    return claims.claimIfEmpty(pool, "demo").compose(claimed -> {
      if (!claimed) {
        return Future.succeededFuture(0);
      }
      LOG.info("Seeding the demo catalog: {} products", count);
      return taxonomy(demo).compose(done -> products(demo, 0, count)).map(count);
    });
  }

  /** Receives the demo stock of products {@code [0, count)}; answers how many SKUs got stock. */
  public Future<Integer> receiveStock(long seed, int count) {
    DemoCatalog demo = new DemoCatalog(seed);
    return untilInventoryAnswers(demo.product(0), 0).compose(first -> forEach(1, count, i -> {
      DemoCatalog.Product product = demo.product(i);
      Future<Integer> received = Future.succeededFuture(0);
      for (int v = 0; v < product.content().variants().size(); v++) {
        int variant = v;
        received = received.compose(sum -> stock.receive(product.content().variants().get(variant).sku(),
            product.stock().get(variant), REFERENCE).map(sum + 1));
      }
      return received;
    }).map(rest -> first + rest));
  }

  private Future<Integer> untilInventoryAnswers(DemoCatalog.Product product, int attempt) {
    Future<Integer> all = Future.succeededFuture(0);
    for (int v = 0; v < product.content().variants().size(); v++) {
      int variant = v;
      all = all.compose(sum -> stock.receive(product.content().variants().get(variant).sku(),
          product.stock().get(variant), REFERENCE).map(sum + 1));
    }
    return all.recover(failure -> {
      if (failure instanceof StockReceipts.Unreachable && attempt + 1 < INVENTORY_WAIT_ATTEMPTS) {
        return vertx.timer(1000).compose(waited -> untilInventoryAnswers(product, attempt + 1));
      }
      return Future.failedFuture(failure);
    });
  }

  private Future<Void> taxonomy(DemoCatalog demo) {
    Future<JsonObject> chain = Future.succeededFuture();
    for (DemoCatalog.Named shop : demo.shops()) {
      chain = chain.compose(x -> taxonomy.createNamed("shop", shop.id(), named(shop)));
    }
    for (DemoCatalog.Named brand : demo.brands()) {
      chain = chain.compose(x -> taxonomy.createNamed("brand", brand.id(), named(brand)));
    }
    for (DemoCatalog.Category c : demo.categories()) {
      chain = chain.compose(x -> taxonomy.createCategory(c.id(), new JsonObject().put("slug", c.slug())
          .put("name", c.name()).put("position", c.position())
          .put("parentId", c.parentId() == null ? null : c.parentId().toString())));
    }
    return chain.mapEmpty();
  }

  private Future<Void> products(DemoCatalog demo, int from, int count) {
    if (from >= count) {
      return Future.succeededFuture();
    }
    int to = Math.min(count, from + BATCH);
    return Transaction.run(pool, outbox, tx -> {
      Future<JsonObject> chain = Future.succeededFuture();
      for (int i = from; i < to; i++) {
        DemoCatalog.Product product = demo.product(i);
        chain = chain.compose(x -> changing.createIn(tx, SYSTEM, product.id(),
            ProductJson.input(product.content(), product.shopId())));
      }
      return chain;
    }).compose(batch -> products(demo, to, count));
  }

  private static Future<Integer> forEach(int from, int to, IntFunction<Future<Integer>> step) {
    Future<Integer> sum = Future.succeededFuture(0);
    for (int i = from; i < to; i++) {
      int index = i;
      sum = sum.compose(total -> step.apply(index).map(more -> total + more));
    }
    return sum;
  }

  private static JsonObject named(DemoCatalog.Named named) {
    return new JsonObject().put("slug", named.slug()).put("name", named.name());
  }
}
