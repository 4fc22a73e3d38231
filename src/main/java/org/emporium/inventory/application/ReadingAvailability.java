package org.emporium.inventory.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.emporium.inventory.domain.Rejection;
import org.emporium.inventory.domain.StockRules;
import org.emporium.inventory.domain.Violation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Units available per SKU, summed over a region's warehouses; SKUs without stock report 0. */
public final class ReadingAvailability {

  public static final int MAX_SKUS = 200;

  private final Pool pool;
  private final StockLevels stock;

  public ReadingAvailability(Pool pool, StockLevels stock) {
    this.pool = pool;
    this.stock = stock;
  }

  /** In the order asked; {@code known} tells SKUs with a stock row in the region from the others. */
  public record Level(String sku, long available, boolean known) {
  }

  public Future<List<Level>> available(List<String> skus, String region) {
    List<Violation> violations = new ArrayList<>();
    if (skus.isEmpty() || skus.size() > MAX_SKUS) {
      violations.add(new Violation("/skus", "must hold 1 to " + MAX_SKUS + " SKUs"));
    }
    for (int i = 0; i < skus.size(); i++) {
      if (!StockRules.validSku(skus.get(i))) {
        violations.add(new Violation("/skus/" + i, "must be a SKU"));
      }
    }
    if (!violations.isEmpty()) {
      return Future.failedFuture(new Rejected(new Rejection.Invalid(violations)));
    }
    return stock.available(pool, skus, region).map(found -> {
      Map<String, Level> levels = new LinkedHashMap<>();
      skus.forEach(sku -> levels.put(sku, new Level(sku, found.getOrDefault(sku, 0L), found.containsKey(sku))));
      return List.copyOf(levels.values());
    });
  }
}
