package org.emporium.pricing.infra;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.emporium.pricing.application.TaxTables;
import org.emporium.pricing.domain.TaxRate;
import org.emporium.pricing.domain.TaxTable;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link TaxTables} in {@code pricing.tax_rate}: one row per rate, the country's display mode on each. */
public final class PgTaxTables implements TaxTables {

  private static final String ALL = "SELECT country, region, category_id, rate, inclusive FROM pricing.tax_rate "
      + "ORDER BY country, region, category_id";
  private static final String DELETE = "DELETE FROM pricing.tax_rate WHERE country = $1";
  private static final String INSERT = "INSERT INTO pricing.tax_rate (country, region, category_id, rate, inclusive, "
      + "updated_at) VALUES ($1, $2, $3, $4, $5, $6)";

  private final Clock clock;

  public PgTaxTables(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<List<TaxTable>> all(SqlClient client) {
    return client.preparedQuery(ALL).execute().map(rows -> {
      Map<String, List<Row>> byCountry = new LinkedHashMap<>();
      rows.forEach(row -> byCountry.computeIfAbsent(row.getString("country"), c -> new ArrayList<>()).add(row));
      return byCountry.entrySet().stream().map(entry -> new TaxTable(entry.getKey(),
          entry.getValue().get(0).getBoolean("inclusive"), entry.getValue().stream().map(PgTaxTables::rate).toList()))
          .toList();
    });
  }

  @Override
  public Future<Void> replace(SqlClient client, TaxTable table) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<Tuple> rows = table.rates().stream().map(rate -> Tuple.of(table.country(), rate.region(), rate.categoryId(),
        rate.rate(), table.inclusive(), now)).toList();
    Future<?> deleted = client.preparedQuery(DELETE).execute(Tuple.of(table.country()));
    return rows.isEmpty() ? deleted.mapEmpty()
        : deleted.compose(done -> client.preparedQuery(INSERT).executeBatch(rows)).mapEmpty();
  }

  private static TaxRate rate(Row row) {
    return new TaxRate(row.getString("region"), row.getString("category_id"),
        row.getBigDecimal("rate").stripTrailingZeros());
  }
}
