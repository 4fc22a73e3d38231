package org.emporium.pricing.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import org.emporium.platform.money.FxRate;

import java.util.List;

/** The stored exchange rates, one per pair. */
public interface FxRates {

  Future<List<FxRate>> all(SqlClient client);

  /** Inserts or replaces each pair's rate. */
  Future<Void> upsert(SqlClient client, List<FxRate> rates);
}
