package org.emporium.pricing.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import org.emporium.pricing.domain.TaxTable;

import java.util.List;

/** The stored tax tables, one per country. */
public interface TaxTables {

  Future<List<TaxTable>> all(SqlClient client);

  /** Replaces the country's whole table; a table without rates removes the country. */
  Future<Void> replace(SqlClient client, TaxTable table);
}
