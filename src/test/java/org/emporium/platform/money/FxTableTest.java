package org.emporium.platform.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FxTableTest {

  private static final Currency USD = Currency.getInstance("USD");
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Currency JPY = Currency.getInstance("JPY");
  private static final Currency KWD = Currency.getInstance("KWD");
  private static final Currency GBP = Currency.getInstance("GBP");
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

  private static FxRate rate(Currency base, Currency quote, String rate, Instant asOf) {
    return new FxRate(base, quote, new BigDecimal(rate), "test", asOf);
  }

  private static FxTable table(FxRate... rates) {
    return new FxTable(USD, List.of(rates), Duration.ofDays(1));
  }

  @Test
  void aQuotedRateConvertsAndRoundsHalfEvenOnceAtTheTargetExponent() {
    FxTable table = table(rate(USD, JPY, "150.5", NOW), rate(USD, KWD, "0.30745", NOW));
    // 1.00 USD * 150.5 = 150.5 JPY, a tie: HALF_EVEN gives 150; 3.00 USD gives 451.5 -> 452
    assertThat(table.convert(Money.ofMinor(100, USD), JPY, NOW)).isEqualTo(Money.ofMinor(150, JPY));
    assertThat(table.convert(Money.ofMinor(300, USD), JPY, NOW)).isEqualTo(Money.ofMinor(452, JPY));
    // 10.00 USD * 0.30745 = 3.0745 KWD, a tie at three decimals: 3.074 (even)
    assertThat(table.convert(Money.ofMinor(1000, USD), KWD, NOW)).isEqualTo(Money.ofMinor(3074, KWD));
  }

  @Test
  void theOppositePairIsInvertedAndACrossRateGoesThroughThePivot() {
    FxTable table = table(rate(USD, EUR, "0.8", NOW), rate(GBP, USD, "1.25", NOW));
    assertThat(table.convert(Money.ofMinor(800, EUR), USD, NOW)).isEqualTo(Money.ofMinor(1000, USD));
    // GBP -> USD 1.25 -> EUR 0.8: one pound is one euro
    assertThat(table.convert(Money.ofMinor(12_345, GBP), EUR, NOW)).isEqualTo(Money.ofMinor(12_345, EUR));
    FxRate cross = table.rate(GBP, EUR, NOW);
    assertThat(cross.rate()).isEqualByComparingTo("1");
    assertThat(cross.source()).isEqualTo("cross:test+test");
  }

  @Test
  void theSameCurrencyComesBackUnchangedWithoutAnyRate() {
    assertThat(FxTable.EMPTY.convert(Money.ofMinor(5, EUR), EUR, NOW)).isEqualTo(Money.ofMinor(5, EUR));
  }

  @Test
  void anUnknownPairIsRefusedWithAClearMessage() {
    FxTable table = table(rate(USD, EUR, "0.8", NOW));
    assertThatThrownBy(() -> table.convert(Money.ofMinor(100, USD), JPY, NOW))
        .isInstanceOf(FxUnavailableException.class).hasMessage("No exchange rate from USD to JPY is known.");
    assertThatThrownBy(() -> table.convert(Money.ofMinor(100, GBP), EUR, NOW))
        .isInstanceOf(FxUnavailableException.class).hasMessageContaining("from GBP to EUR");
  }

  @Test
  void aRateOlderThanTheMaximumAgeIsRefusedNeverUsed() {
    Instant old = NOW.minus(Duration.ofDays(1)).minusSeconds(1);
    FxTable table = table(rate(USD, EUR, "0.8", old), rate(USD, GBP, "0.75", NOW));
    assertThatThrownBy(() -> table.convert(Money.ofMinor(100, USD), EUR, NOW))
        .isInstanceOf(FxUnavailableException.class).hasMessageContaining("USD/EUR").hasMessageContaining("older");
    // a cross rate is as old as its oldest leg
    assertThatThrownBy(() -> table.convert(Money.ofMinor(100, GBP), EUR, NOW))
        .isInstanceOf(FxUnavailableException.class).hasMessageContaining("older");
    assertThat(table.convert(Money.ofMinor(100, USD), EUR, old.plusSeconds(1))).isEqualTo(Money.ofMinor(80, EUR));
  }

  @Test
  void aTableSurvivesItsWireForm() {
    FxTable table = table(rate(USD, EUR, "0.921500000001", NOW), rate(GBP, USD, "1.25", NOW));
    FxTable copy = FxTableJson.table(FxTableJson.of(table));
    assertThat(copy.pivot()).isEqualTo(USD);
    assertThat(copy.maxAge()).isEqualTo(Duration.ofDays(1));
    assertThat(copy.rates()).containsExactlyInAnyOrderElementsOf(table.rates());
  }

  @Test
  void ratesMustBePositiveAndBetweenTwoCurrencies() {
    assertThatThrownBy(() -> rate(USD, EUR, "0", NOW)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rate(USD, USD, "1", NOW)).isInstanceOf(IllegalArgumentException.class);
  }
}
