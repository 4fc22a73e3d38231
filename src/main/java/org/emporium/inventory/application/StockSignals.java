package org.emporium.inventory.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.emporium.inventory.domain.RegionStock;
import org.emporium.inventory.domain.StockSignal;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.Transaction;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the marks stock rows carry into events, once per round: {@code stock.changed} per SKU and
 * region whose levels moved (so a hot SKU yields one event per round, not one per reservation),
 * {@code stock.low} per warehouse row that crossed its reorder level. Marks are taken and events
 * written in one transaction, so neither is lost nor doubled; nodes share the work (rows taken with
 * SKIP LOCKED).
 */
public final class StockSignals {

  private final Pool pool;
  private final Outbox outbox;
  private final StockLevels stock;
  private final int batch;

  public StockSignals(Pool pool, Outbox outbox, StockLevels stock, int batch) {
    this.pool = pool;
    this.outbox = outbox;
    this.stock = stock;
    this.batch = batch;
  }

  /** One round: how many events it wrote. */
  public Future<Integer> publish() {
    return Transaction.run(pool, outbox, tx -> stock.takeSignals(tx.connection(), batch).compose(signals -> {
      if (signals.isEmpty()) {
        return Future.succeededFuture(0);
      }
      signals.stream().filter(StockSignal::fellLow).forEach(signal -> tx.publish(InventoryEvents.low(signal)));
      Set<String> regions = signals.stream().map(s -> s.sku() + "\n" + s.region()).collect(Collectors.toSet());
      Set<String> skus = signals.stream().map(StockSignal::sku).collect(Collectors.toSet());
      return stock.regions(tx.connection(), skus).map(levels -> {
        List<RegionStock> moved = levels.stream().filter(l -> regions.contains(l.sku() + "\n" + l.region())).toList();
        moved.forEach(level -> tx.publish(InventoryEvents.changed(level)));
        return tx.events().size();
      });
    }));
  }
}
