package org.emporium.platform.money;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

  private static final Currency USD = Currency.getInstance("USD");
  private static final Currency EUR = Currency.getInstance("EUR");

  @ParameterizedTest
  @CsvSource({"JPY,0,JPY 7", "USD,2,USD 0.07", "KWD,3,KWD 0.007", "BHD,3,BHD 0.007"})
  void theExponentComesFromTheCurrency(String code, int exponent, String seven) {
    Money money = Money.ofMinor(7, code);
    assertThat(money.exponent()).isEqualTo(exponent);
    assertThat(money.toMajor().scale()).isEqualTo(exponent);
    assertThat(money).hasToString(seven);
  }

  @ParameterizedTest
  @CsvSource({"USD,0.125,12", "USD,0.135,14", "USD,-0.125,-12", "USD,-0.135,-14", "JPY,2.5,2", "JPY,3.5,4",
      "KWD,1.2345,1234", "KWD,1.2355,1236", "USD,0.0049,0", "USD,1E-999999999,0"})
  void majorAmountsRoundHalfEvenToTheMinorUnit(String code, String major, long minor) {
    assertThat(Money.of(new BigDecimal(major), Currency.getInstance(code)).amountMinor()).isEqualTo(minor);
  }

  @Test
  void timesAFactorRoundsHalfEvenOnce() {
    assertThat(Money.ofMinor(1005, USD).times(new BigDecimal("0.5")).amountMinor()).isEqualTo(502);
    assertThat(Money.ofMinor(1015, USD).times(new BigDecimal("0.5")).amountMinor()).isEqualTo(508);
    // 1.4501 rounds to 1; rounding in two steps (1.5, then 2) would not
    assertThat(Money.ofMinor(14501, USD).times(new BigDecimal("0.0001")).amountMinor()).isEqualTo(1);
    assertThat(Money.ofMinor(1, USD).times(new BigDecimal("0.449")).amountMinor()).isZero();
    assertThat(Money.ofMinor(0, USD).times(new BigDecimal("1E+999999999")).isZero()).isTrue();
  }

  @Test
  void arithmeticIsExactInMinorUnits() {
    Money a = Money.ofMinor(1234, USD);
    Money b = Money.ofMinor(-34, USD);
    assertThat(a.plus(b)).isEqualTo(Money.ofMinor(1200, "USD"));
    assertThat(a.minus(b)).isEqualTo(Money.ofMinor(1268, USD));
    assertThat(a.times(3)).isEqualTo(Money.ofMinor(3702, USD));
    assertThat(b.negate()).isEqualTo(Money.ofMinor(34, USD));
    assertThat(a.minus(a).isZero()).isTrue();
    assertThat(b.isNegative()).isTrue();
    assertThat(a.isPositive()).isTrue();
    assertThat(a.compareTo(b)).isPositive();
    assertThat(Money.zero(USD).compareTo(Money.ofMinor(0, USD))).isZero();
    assertThat(a.toMajor()).isEqualByComparingTo("12.34");
  }

  @Test
  void parseReadsWhatToStringWrites() {
    for (String text : List.of("USD 12.34", "USD -0.05", "JPY 5", "KWD 1.005", "BHD 0.000")) {
      assertThat(Money.parse(text)).hasToString(text);
    }
    assertThat(Money.parse("12.3", USD).amountMinor()).isEqualTo(1230);
    assertThat(Money.parse("12.340", USD).amountMinor()).isEqualTo(1234);
    assertThatThrownBy(() -> Money.parse("12.345", USD)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("USD has 2 decimal places");
    for (String bad : List.of("USD", "USD 1e3", "USD 12,34", "USD ", "12.34")) {
      assertThatThrownBy(() -> Money.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void everyBinaryOperationRejectsAnotherCurrency() {
    Money dollars = Money.ofMinor(100, USD);
    Money euros = Money.ofMinor(100, EUR);
    List<Consumer<Money>> operations = List.of(dollars::plus, dollars::minus, dollars::compareTo,
        other -> dollars.rounded(ignored -> other));
    for (Consumer<Money> operation : operations) {
      assertThatThrownBy(() -> operation.accept(euros)).isInstanceOf(CurrencyMismatchException.class)
          .hasMessageContaining("USD").hasMessageContaining("EUR");
    }
    CurrencyMismatchException mismatch = new CurrencyMismatchException(USD, EUR);
    assertThat(mismatch.expected()).isEqualTo(USD);
    assertThat(mismatch.actual()).isEqualTo(EUR);
  }

  @Test
  void overflowThrowsInsteadOfWrapping() {
    Money max = Money.ofMinor(Long.MAX_VALUE, USD);
    Money min = Money.ofMinor(Long.MIN_VALUE, USD);
    Money one = Money.ofMinor(1, USD);
    assertThatThrownBy(() -> max.plus(one)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> min.minus(one)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> max.times(2)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> min.negate()).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> max.times(new BigDecimal("1.0000001"))).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> one.times(new BigDecimal("1E+999999999"))).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Money.of(new BigDecimal("92233720368547758.08"), USD))
        .isInstanceOf(ArithmeticException.class);
    assertThat(Money.of(new BigDecimal("92233720368547758.07"), USD)).isEqualTo(max);
  }

  @Test
  void currenciesWithoutAMinorUnitAreRejected() {
    assertThatThrownBy(() -> Money.ofMinor(1, "ABC")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unknown ISO 4217 currency code: ABC");
    assertThatThrownBy(() -> Money.ofMinor(1, "XXX")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("XXX has no minor unit");
    assertThatThrownBy(() -> Money.of(BigDecimal.ONE, Currency.getInstance("XAU")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("XAU");
    assertThatThrownBy(() -> Money.zero(null)).isInstanceOf(NullPointerException.class);
  }
}
