package org.emporium.pricing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.customer.CustomerFixture;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.emporium.platform.money.FxRatesCache;
import org.emporium.platform.money.FxTable;
import org.emporium.platform.money.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.customer.CustomerFixture.admin;
import static org.emporium.customer.CustomerFixture.assertField;
import static org.emporium.customer.CustomerFixture.customer;
import static org.emporium.customer.CustomerFixture.envelope;

/** Exchange rates on a real node: admin changes, validation, the fx.updated event and every node's cache. */
class FxRatesTest {

  @TempDir
  static Path dir;
  static CustomerFixture fixture;

  @BeforeAll
  static void start() {
    // the periodic refresh is far away, so a cache that catches up did so through the fx.updated event
    fixture = CustomerFixture.start(dir, Map.of("pricing.fx.refreshIntervalMs", "3600000"));
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  private static JsonObject put(JsonArray rates) {
    return envelope("putFxRates", admin(UUID.randomUUID(), "admin@example.com"))
        .put("body", new JsonObject().put("rates", rates));
  }

  private static JsonObject rate(String base, String quote, String rate) {
    return new JsonObject().put("base", base).put("quote", quote).put("rate", rate);
  }

  private static long stored() throws Exception {
    return fixture.rows("SELECT count(*) AS n FROM pricing.fx_rate").get(0).getLong("n");
  }

  private static long events() throws Exception {
    return fixture.rows("SELECT count(*) AS n FROM pricing.outbox").get(0).getLong("n");
  }

  @Test
  void anAdministratorStoresRatesAndEveryCacheCatchesUpThroughTheEvent() throws Exception {
    FxRatesCache cache = FxRatesCache.start(fixture.vertx(), fixture.node().config()).await(15, TimeUnit.SECONDS);
    long eventsBefore = events();

    JsonObject reply = fixture.call("pricing.putRates", put(new JsonArray()
        .add(rate("USD", "CHF", "0.8812").put("source", "ecb").put("asOf", "2026-11-20T16:00:00Z"))
        .add(rate("NOK", "USD", "0.0931"))));

    assertThat(reply.getInteger("status")).isEqualTo(200);
    JsonArray items = reply.getJsonObject("body").getJsonArray("items");
    assertThat(items.stream().map(JsonObject.class::cast).filter(i -> i.getString("quote").equals("CHF")))
        .singleElement().satisfies(chf -> {
          assertThat(chf.getString("rate")).isEqualTo("0.8812");
          assertThat(chf.getString("source")).isEqualTo("ecb");
          assertThat(chf.getString("asOf")).isEqualTo("2026-11-20T16:00:00Z");
        });
    assertThat(fixture.rows("SELECT rate FROM pricing.fx_rate WHERE base = 'NOK' AND quote = 'USD'"))
        .singleElement().satisfies(row -> assertThat(row.getBigDecimal("rate")).isEqualByComparingTo("0.0931"));
    assertThat(events()).isEqualTo(eventsBefore + 1);
    JsonObject event = new JsonObject(fixture.rows("SELECT envelope FROM pricing.outbox ORDER BY id DESC LIMIT 1")
        .get(0).getString("envelope"));
    assertThat(event.getString("type")).isEqualTo("emporium.pricing.fx.updated.v1");
    assertThat(event.getJsonObject("data").getJsonArray("rates")).hasSize(2);

    Instant deadline = Instant.now().plusSeconds(30);
    while (!hasChf(cache.current()) && Instant.now().isBefore(deadline)) {
      TimeUnit.MILLISECONDS.sleep(100);
    }
    FxTable table = cache.current();
    assertThat(hasChf(table)).as("the cache learnt the new rate from the fx.updated live feed").isTrue();
    // NOK -> CHF crosses the pivot: 1000 NOK = 93.10 USD = 82.04 CHF (82.040... rounded HALF_EVEN)
    assertThat(table.convert(Money.ofMinor(100_000, "NOK"), Currency.getInstance("CHF"),
        Instant.parse("2026-11-21T00:00:00Z"))).isEqualTo(Money.ofMinor(8204, "CHF"));
    cache.close().await(5, TimeUnit.SECONDS);
  }

  private static boolean hasChf(FxTable table) {
    return table.rates().stream().anyMatch(r -> r.quote().getCurrencyCode().equals("CHF"));
  }

  @Test
  void invalidRatesAreRefusedFieldByFieldAndNothingIsStored() throws Exception {
    long ratesBefore = stored();
    long eventsBefore = events();

    Problem problem = fixture.problem("pricing.putRates", put(new JsonArray()
        .add(rate("USD", "SEK", "10.5"))
        .add(rate("USD", "EUR", "-1"))
        .add(rate("USD", "XAU", "0.0004"))
        .add(rate("USD", "SEK", "10.6"))
        .add(rate("EUR", "EUR", "1").put("asOf", "2999-01-01T00:00:00Z"))));

    assertThat(problem.code()).isEqualTo(ErrorCode.BAD_REQUEST);
    assertField(problem, "/rates/1/rate");
    assertField(problem, "/rates/2/quote");
    assertField(problem, "/rates/3");
    assertField(problem, "/rates/4/quote");
    assertField(problem, "/rates/4/asOf");
    assertThat(problem.errors()).extracting(Problem.FieldError::field).doesNotContain("/rates/0/rate");
    assertThat(stored()).isEqualTo(ratesBefore);
    assertThat(events()).isEqualTo(eventsBefore);
    assertThat(fixture.problem("pricing.putRates", put(new JsonArray())).code()).isEqualTo(ErrorCode.BAD_REQUEST);
  }

  @Test
  void onlyAdministratorsChangeRatesButAnyoneReadsThem() throws Exception {
    JsonObject asCustomer = envelope("putFxRates", customer(UUID.randomUUID(), "c@example.com", "C"))
        .put("body", new JsonObject().put("rates", new JsonArray().add(rate("USD", "DKK", "6.9"))));
    assertThat(fixture.problem("pricing.putRates", asCustomer).code()).isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(fixture.rows("SELECT 1 FROM pricing.fx_rate WHERE quote = 'DKK'")).isEmpty();

    JsonObject list = fixture.call("pricing.listRates", envelope("listFxRates", null)).getJsonObject("body");
    assertThat(list.getString("pivot")).isEqualTo("USD");
    assertThat(list.getLong("maxAgeSeconds")).isEqualTo(345_600L);
    JsonObject internal = fixture.call(FxRatesCache.RATES_ADDRESS, new JsonObject());
    assertThat(internal.getJsonArray("rates")).hasSameSizeAs(list.getJsonArray("items"));
  }
}
