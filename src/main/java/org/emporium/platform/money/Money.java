package org.emporium.platform.money;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount in integer minor units of one ISO 4217 currency (USD 12.34 is {@code 1234} cents).
 * Arithmetic is exact and overflow-checked; mixing currencies throws {@link CurrencyMismatchException}.
 */
public record Money(long amountMinor, Currency currency) implements Comparable<Money> {

  // Plain decimals only: an exponent like "1e999999999" would make rounding arbitrarily expensive.
  private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,20}(\\.\\d{1,20})?");

  public Money {
    Objects.requireNonNull(currency, "currency");
    if (currency.getDefaultFractionDigits() < 0) {
      throw new IllegalArgumentException("Currency " + currency.getCurrencyCode()
          + " has no minor unit in ISO 4217 and cannot be used for amounts");
    }
  }

  public static Money ofMinor(long amountMinor, Currency currency) {
    return new Money(amountMinor, currency);
  }

  public static Money ofMinor(long amountMinor, String currencyCode) {
    return new Money(amountMinor, MinorUnits.currency(currencyCode));
  }

  /** An amount in major units, rounded HALF_EVEN to the currency's minor unit. */
  public static Money of(BigDecimal major, Currency currency) {
    int exponent = new Money(0, currency).exponent();
    return new Money(MinorUnits.roundHalfEven(major.scaleByPowerOfTen(exponent)), currency);
  }

  public static Money zero(Currency currency) {
    return new Money(0, currency);
  }

  /** Reads the {@link #toString()} form, e.g. {@code USD 12.34}. */
  public static Money parse(String text) {
    int space = text.indexOf(' ');
    if (space < 0) {
      throw new IllegalArgumentException("Expected '<currency> <amount>' such as 'USD 12.34': " + text);
    }
    return parse(text.substring(space + 1), MinorUnits.currency(text.substring(0, space)));
  }

  /** Reads a plain decimal in major units; digits finer than the minor unit are refused, not rounded. */
  public static Money parse(String decimal, Currency currency) {
    if (!DECIMAL.matcher(decimal).matches()) {
      throw new IllegalArgumentException("Not a plain decimal amount: " + decimal);
    }
    Money zero = zero(currency);
    BigDecimal major = new BigDecimal(decimal);
    if (major.stripTrailingZeros().scale() > zero.exponent()) {
      throw new IllegalArgumentException(currency.getCurrencyCode() + " has " + zero.exponent()
          + " decimal places, so " + decimal + " is not an amount of it");
    }
    return of(major, currency);
  }

  /** Decimal places of the minor unit: JPY 0, USD 2, KWD 3. */
  public int exponent() {
    return currency.getDefaultFractionDigits();
  }

  public Money plus(Money other) {
    return new Money(Math.addExact(amountMinor, sameCurrency(other).amountMinor), currency);
  }

  public Money minus(Money other) {
    return new Money(Math.subtractExact(amountMinor, sameCurrency(other).amountMinor), currency);
  }

  public Money times(long factor) {
    return new Money(Math.multiplyExact(amountMinor, factor), currency);
  }

  /** Multiplies exactly, then rounds HALF_EVEN once to the minor unit (a tax rate, a discount). */
  public Money times(BigDecimal factor) {
    return new Money(MinorUnits.roundHalfEven(BigDecimal.valueOf(amountMinor).multiply(factor)), currency);
  }

  public Money negate() {
    return new Money(Math.negateExact(amountMinor), currency);
  }

  public boolean isZero() {
    return amountMinor == 0;
  }

  public boolean isNegative() {
    return amountMinor < 0;
  }

  public boolean isPositive() {
    return amountMinor > 0;
  }

  @Override
  public int compareTo(Money other) {
    return Long.compare(amountMinor, sameCurrency(other).amountMinor);
  }

  /** Splits into parts proportional to non-negative ratios that add up to exactly this amount. */
  public List<Money> allocate(long... ratios) {
    return Arrays.stream(LargestRemainder.split(amountMinor, ratios))
        .mapToObj(part -> new Money(part, currency))
        .toList();
  }

  /** Splits into {@code parts} near-equal amounts; earlier parts get the leftover minor units. */
  public List<Money> allocate(int parts) {
    if (parts < 1) {
      throw new IllegalArgumentException("Cannot allocate into " + parts + " parts");
    }
    long[] ratios = new long[parts];
    Arrays.fill(ratios, 1);
    return allocate(ratios);
  }

  /** Applies a cash rounding rule; the rule must keep the currency. */
  public Money rounded(CashRounding rounding) {
    return sameCurrency(rounding.round(this));
  }

  /** The amount in major units, with the currency's scale ({@code 12.34}, {@code 5}, {@code 1.005}). */
  public BigDecimal toMajor() {
    return BigDecimal.valueOf(amountMinor, exponent());
  }

  @Override
  public String toString() {
    return currency.getCurrencyCode() + " " + toMajor().toPlainString();
  }

  private Money sameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new CurrencyMismatchException(currency, other.currency);
    }
    return other;
  }
}
