package org.emporium.pricing.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.emporium.platform.money.FxTable;

/** The whole table of rates, with the pivot and maximum age that conversions must respect. */
public final class ReadingRates {

  private final Pool pool;
  private final FxRates rates;
  private final PricingSettings settings;

  public ReadingRates(Pool pool, FxRates rates, PricingSettings settings) {
    this.pool = pool;
    this.rates = rates;
    this.settings = settings;
  }

  public Future<FxTable> table() {
    return rates.all(pool).map(all -> new FxTable(settings.pivot(), all, settings.maxAge(), settings.rules()));
  }
}
