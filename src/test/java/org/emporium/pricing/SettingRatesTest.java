package org.emporium.pricing;

import io.vertx.sqlclient.Row;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.id.TimeOrderedIds;
import org.emporium.platform.money.FxRate;
import org.emporium.pricing.application.SettingRates;
import org.emporium.pricing.infra.PgFxRates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.emporium.pricing.PricingNodes.await;

/** The rates' write tells the cluster once it has committed, and only then. */
class SettingRatesTest {

  static PricingNodes nodes;

  @BeforeAll
  static void start() {
    nodes = PricingNodes.get();
  }

  @Test
  void storedRatesNoticeTheClusterOnceCommittedAndAFailedWriteNeitherNoticesNorChangesAnything() {
    Clock clock = Clock.systemUTC();
    AtomicInteger notices = new AtomicInteger();
    SettingRates setting = new SettingRates(nodes.db, new Outbox("pricing", "test-1", new TimeOrderedIds(clock), clock),
        new PgFxRates(clock), notices::incrementAndGet);
    // an existing pair at its own rate: the other tests' conversions stay as they are
    Row current = nodes.rows("SELECT base, quote, rate::text AS rate FROM pricing.fx_rate ORDER BY base, quote LIMIT 1")
        .get(0);
    Currency base = Currency.getInstance(current.getString("base"));
    Currency quote = Currency.getInstance(current.getString("quote"));
    BigDecimal rate = new BigDecimal(current.getString("rate"));

    await(setting.set("rates-test", List.of(new FxRate(base, quote, rate, "rates-test", clock.instant()))));
    assertThat(notices).hasValue(1);

    // a source longer than its column: the transaction fails as a whole
    FxRate unstorable = new FxRate(base, quote, rate.add(BigDecimal.ONE), "s".repeat(100), clock.instant());
    assertThatThrownBy(() -> await(setting.set("rates-test", List.of(unstorable))))
        .hasStackTraceContaining("value too long");
    assertThat(notices).hasValue(1);
    assertThat(nodes.rows("SELECT source, rate::text AS rate FROM pricing.fx_rate WHERE base = $1 AND quote = $2",
        base.getCurrencyCode(), quote.getCurrencyCode()))
        .extracting(row -> row.getString("source") + " " + new BigDecimal(row.getString("rate")).compareTo(rate))
        .containsExactly("rates-test 0");
  }
}
