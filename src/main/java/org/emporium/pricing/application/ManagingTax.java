package org.emporium.pricing.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.emporium.pricing.domain.TaxTable;
import org.emporium.pricing.domain.TaxTableInput;
import org.emporium.pricing.domain.Violation;

import java.util.Comparator;
import java.util.List;

/** Administrators' tax tables: a country's table replaced at once, and every table listed. */
public final class ManagingTax {

  private final Pool pool;
  private final TaxTables tables;
  private final TaxRules rules;

  public ManagingTax(Pool pool, TaxTables tables, TaxRules rules) {
    this.pool = pool;
    this.tables = tables;
    this.rules = rules;
  }

  public Future<TaxTable> replace(TaxTableInput input) {
    List<Violation> violations = input.violations();
    if (!violations.isEmpty()) {
      return Future.failedFuture(Rejected.invalid("The tax table is not valid.", violations));
    }
    TaxTable table = input.toTable();
    return pool.withTransaction(tx -> tables.replace(tx, table))
        .compose(done -> rules.changed().otherwiseEmpty())
        .map(table);
  }

  /** Every table from the database, by country. */
  public Future<List<TaxTable>> list() {
    return tables.all(pool).map(all -> all.stream().sorted(Comparator.comparing(TaxTable::country)).toList());
  }
}
