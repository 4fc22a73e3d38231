package org.emporium.pricing.infra;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.emporium.platform.money.FxRate;
import org.emporium.pricing.application.FxRates;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.stream.StreamSupport;

/** {@link FxRates} in {@code pricing.fx_rate}. */
public final class PgFxRates implements FxRates {

  private static final String ALL = "SELECT base, quote, rate, source, as_of FROM pricing.fx_rate ORDER BY base, quote";
  private static final String UPSERT = "INSERT INTO pricing.fx_rate (base, quote, rate, source, as_of, updated_at) "
      + "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (base, quote) DO UPDATE SET rate = EXCLUDED.rate, "
      + "source = EXCLUDED.source, as_of = EXCLUDED.as_of, updated_at = EXCLUDED.updated_at";

  private final Clock clock;

  public PgFxRates(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<List<FxRate>> all(SqlClient client) {
    return client.preparedQuery(ALL).execute().map(rows ->
        StreamSupport.stream(rows.spliterator(), false).map(PgFxRates::rate).toList());
  }

  @Override
  public Future<Void> upsert(SqlClient client, List<FxRate> rates) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<Tuple> batch = rates.stream().map(rate -> Tuple.of(rate.base().getCurrencyCode(),
        rate.quote().getCurrencyCode(), rate.rate(), rate.source(),
        rate.asOf().atOffset(ZoneOffset.UTC), now)).toList();
    return client.preparedQuery(UPSERT).executeBatch(batch).mapEmpty();
  }

  private static FxRate rate(Row row) {
    return new FxRate(Currency.getInstance(row.getString("base")), Currency.getInstance(row.getString("quote")),
        row.getBigDecimal("rate").stripTrailingZeros(), row.getString("source"),
        row.getOffsetDateTime("as_of").toInstant());
  }
}
