package org.emporium.platform.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Conversions in JPY, USD, KWD and ISK with cash increments and charm endings, and price resolution. */
class PriceRulesTest {

  private static final Currency USD = Currency.getInstance("USD");
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Currency JPY = Currency.getInstance("JPY");
  private static final Currency KWD = Currency.getInstance("KWD");
  private static final Currency ISK = Currency.getInstance("ISK");
  private static final Currency CHF = Currency.getInstance("CHF");
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  private static final PriceRules RULES = PriceRules.parse(Map.of("ISK", "10", "CHF", "0.05"),
      Map.of("EUR", "0.99", "JPY", "80"));

  private static FxRate rate(Currency base, Currency quote, String rate) {
    return new FxRate(base, quote, new BigDecimal(rate), "test", NOW);
  }

  private static FxTable table(PriceRules rules) {
    return new FxTable(USD, List.of(rate(USD, JPY, "151.37"), rate(USD, KWD, "0.30745"), rate(USD, ISK, "137.4"),
        rate(USD, EUR, "0.9215"), rate(USD, CHF, "0.8812")), Duration.ofDays(1), rules);
  }

  @Test
  void conversionsRoundHalfEvenOnceAtTheTargetExponentOrItsCashIncrement() {
    FxTable table = table(RULES);
    // 19.99 USD x 151.37 = 3025.8863 JPY -> 3026 (exponent 0)
    assertThat(table.convert(Money.ofMinor(1999, USD), JPY, NOW)).isEqualTo(Money.ofMinor(3026, JPY));
    // 10.00 USD x 0.30745 = 3.0745 KWD, a tie at three decimals -> 3.074 (even)
    assertThat(table.convert(Money.ofMinor(1000, USD), KWD, NOW)).isEqualTo(Money.ofMinor(3074, KWD));
    // 3026 JPY back to USD: 3026 / 151.37 = 19.99074... -> 19.99 (exponent 2)
    assertThat(table.convert(Money.ofMinor(3026, JPY), USD, NOW)).isEqualTo(Money.ofMinor(1999, USD));
    // 19.99 USD x 137.4 = 2746.626 ISK -> 2750 at a 10 kr cash increment (one rounding, not 2747 then 2750)
    assertThat(table.convert(Money.ofMinor(1999, USD), ISK, NOW)).isEqualTo(Money.ofMinor(2750, ISK));
    // 12.45 USD x 137.4 = 1710.63 -> 1710: 171.063 steps of 10 round half-even to 171
    assertThat(table.convert(Money.ofMinor(1245, USD), ISK, NOW)).isEqualTo(Money.ofMinor(1710, ISK));
    // without a configured increment ISK rounds to the krona
    assertThat(table(PriceRules.NONE).convert(Money.ofMinor(1999, USD), ISK, NOW)).isEqualTo(Money.ofMinor(2747, ISK));
    // 2.50 USD x 0.8812 = 2.203 CHF -> 2.20 at 0.05; 2.73 USD -> 2.405676 -> 2.40
    assertThat(table.convert(Money.ofMinor(250, USD), CHF, NOW)).isEqualTo(Money.ofMinor(220, CHF));
    assertThat(table.convert(Money.ofMinor(273, USD), CHF, NOW)).isEqualTo(Money.ofMinor(240, CHF));
  }

  @Test
  void aCashIncrementTieGoesToTheEvenStep() {
    // 25 ISK is 2.5 steps of 10: half-even gives 20; 35 gives 40
    assertThat(RULES.round(new BigDecimal("25"), ISK)).isEqualTo(Money.ofMinor(20, ISK));
    assertThat(RULES.round(new BigDecimal("35"), ISK)).isEqualTo(Money.ofMinor(40, ISK));
    assertThat(RULES.round(new BigDecimal("-35"), ISK)).isEqualTo(Money.ofMinor(-40, ISK));
  }

  @Test
  void charmEndingsSnapToTheNearestAmountWithTheEnding() {
    assertThat(RULES.charm(Money.ofMinor(2347, EUR))).isEqualTo(Money.ofMinor(2299, EUR));
    assertThat(RULES.charm(Money.ofMinor(2351, EUR))).isEqualTo(Money.ofMinor(2399, EUR));
    assertThat(RULES.charm(Money.ofMinor(2349, EUR))).as("a tie goes up").isEqualTo(Money.ofMinor(2399, EUR));
    assertThat(RULES.charm(Money.ofMinor(2399, EUR))).isEqualTo(Money.ofMinor(2399, EUR));
    assertThat(RULES.charm(Money.ofMinor(40, EUR))).as("never zero or less").isEqualTo(Money.ofMinor(99, EUR));
    assertThat(RULES.charm(Money.ofMinor(3026, JPY))).isEqualTo(Money.ofMinor(2980, JPY));
    assertThat(RULES.charm(Money.ofMinor(3031, JPY))).isEqualTo(Money.ofMinor(3080, JPY));
    assertThat(RULES.charm(Money.ofMinor(1999, USD))).as("no ending configured").isEqualTo(Money.ofMinor(1999, USD));
  }

  @Test
  void anExplicitPriceWinsElseTheBaseIsConvertedWithTheCharmEndingAndTheRateIsKept() {
    FxTable table = table(RULES);
    ResolvedPrice own = table.resolve(Optional.of(Money.ofMinor(1899, EUR)), Money.ofMinor(1999, USD), EUR, NOW);
    assertThat(own.price()).isEqualTo(Money.ofMinor(1899, EUR));
    assertThat(own.converted()).isFalse();
    // 19.99 x 0.9215 = 18.420785 -> 18.42, which is nearer 17.99 (0.43) than 18.99 (0.57)
    ResolvedPrice converted = table.resolve(Optional.empty(), Money.ofMinor(1999, USD), EUR, NOW);
    assertThat(converted.price()).isEqualTo(Money.ofMinor(1799, EUR));
    assertThat(converted.rate().pair()).isEqualTo("USD/EUR");
    assertThat(table.resolve(Optional.empty(), Money.ofMinor(1999, USD), USD, NOW).price())
        .isEqualTo(Money.ofMinor(1999, USD));
    assertThatThrownBy(() -> table.resolve(Optional.empty(), Money.ofMinor(1999, USD), Currency.getInstance("SEK"), NOW))
        .isInstanceOf(FxUnavailableException.class);
  }

  @Test
  void rulesTravelWithTheRates() {
    FxTable copy = FxTableJson.table(FxTableJson.of(table(RULES)));
    assertThat(copy.rules()).isEqualTo(RULES);
    assertThat(FxTableJson.of(RULES).getJsonObject("cashIncrements").getString("CHF")).isEqualTo("0.05");
    assertThat(FxTableJson.rules(null)).isEqualTo(PriceRules.NONE);
  }

  @Test
  void badRulesAreRefused() {
    assertThatThrownBy(() -> PriceRules.parse(Map.of("EUR", "0.001"), Map.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PriceRules.parse(Map.of("ISK", "0"), Map.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PriceRules.parse(Map.of("ISK", "10"), Map.of("ISK", "99")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ISK");
    assertThatThrownBy(() -> PriceRules.parse(Map.of(), Map.of("XYZ", "0.99"))).isInstanceOf(IllegalArgumentException.class);
  }
}
