package org.emporium.pricing.application;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.emporium.pricing.domain.TaxTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * This verticle's copy of the tax tables, so a quote reads no table. It loads them at start, again when
 * {@code pricing.tax.updated} is published (after every change, on every node) and periodically in case
 * a notice was lost.
 */
public final class TaxRules {

  public static final String UPDATED_ADDRESS = "pricing.tax.updated";
  private static final Logger LOG = LoggerFactory.getLogger(TaxRules.class);

  private final Vertx vertx;
  private final Pool pool;
  private final TaxTables tables;
  private volatile Map<String, TaxTable> current = Map.of();
  private MessageConsumer<Object> updates;
  private long timer;

  public TaxRules(Vertx vertx, Pool pool, TaxTables tables) {
    this.vertx = vertx;
    this.pool = pool;
    this.tables = tables;
  }

  public Future<Void> start(long refreshMs) {
    updates = vertx.eventBus().consumer(UPDATED_ADDRESS, message -> refresh());
    timer = vertx.setPeriodic(refreshMs, id -> refresh());
    return updates.completion().compose(registered -> tables.all(pool))
        .onSuccess(this::keep).mapEmpty();
  }

  public Optional<TaxTable> of(String country) {
    return Optional.ofNullable(current.get(country));
  }

  /** Reloads this copy now, then tells every node's copy to reload (the notice is at most once: the timer backs it). */
  public Future<Void> changed() {
    return tables.all(pool).onSuccess(this::keep)
        .onComplete(done -> vertx.eventBus().publish(UPDATED_ADDRESS, new JsonObject())).mapEmpty();
  }

  public Future<Void> stop() {
    vertx.cancelTimer(timer);
    return updates == null ? Future.succeededFuture() : updates.unregister();
  }

  private void refresh() {
    tables.all(pool).onSuccess(this::keep)
        .onFailure(failure -> LOG.warn("Tax tables not refreshed: {}", failure.getMessage()));
  }

  private void keep(List<TaxTable> loaded) {
    current = loaded.stream().collect(Collectors.toUnmodifiableMap(TaxTable::country, Function.identity()));
  }
}
