package org.emporium.platform.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;

/**
 * How converted amounts are finished, per currency: the cash increment they are rounded to (half-even,
 * once; CHF 0.05, ISK 10; one minor unit when none is configured) and an optional charm ending that a
 * converted price snaps to (EUR 0.99: 23.47 becomes 22.99, the nearest amount ending in .99). Amounts
 * are in minor units; settings are read as decimal strings in major units.
 */
public record PriceRules(Map<Currency, Long> cashIncrements, Map<Currency, Long> charmEndings) {

  public static final PriceRules NONE = new PriceRules(Map.of(), Map.of());

  public PriceRules {
    cashIncrements = Map.copyOf(cashIncrements);
    charmEndings = Map.copyOf(charmEndings);
    validate(cashIncrements, charmEndings);
  }

  /** Rules from settings such as {@code {"ISK": "10"}} and {@code {"EUR": "0.99"}} (major units). */
  public static PriceRules parse(Map<String, String> cashIncrements, Map<String, String> charmEndings) {
    return new PriceRules(minorUnits(cashIncrements), minorUnits(charmEndings));
  }

  /** The smallest amount of cash in minor units (1 unless configured). */
  public long cashIncrement(Currency currency) {
    return cashIncrements.getOrDefault(currency, 1L);
  }

  /** An exact amount in minor units, rounded half-even once to the currency's cash increment. */
  public Money round(BigDecimal exactMinor, Currency currency) {
    BigDecimal increment = BigDecimal.valueOf(cashIncrement(currency));
    BigDecimal steps = exactMinor.divide(increment, 0, RoundingMode.HALF_EVEN);
    return Money.ofMinor(MinorUnits.roundHalfEven(steps.multiply(increment)), currency);
  }

  /**
   * The price with the currency's charm ending: the nearest positive amount that ends in it (ties
   * go up), or the price itself when the currency has none or the price is not positive.
   */
  public Money charm(Money price) {
    Long ending = charmEndings.get(price.currency());
    if (ending == null || !price.isPositive()) {
      return price;
    }
    long period = period(price.currency(), ending);
    long amount = price.amountMinor();
    long below = Math.addExact(Math.multiplyExact(Math.floorDiv(amount - ending, period), period), ending);
    if (below == amount) {
      return price;
    }
    long above = Math.addExact(below, period);
    boolean up = below <= 0 || above - amount <= amount - below;
    return Money.ofMinor(up ? above : below, price.currency());
  }

  private static void validate(Map<Currency, Long> cashIncrements, Map<Currency, Long> charmEndings) {
    cashIncrements.forEach((currency, increment) -> {
      if (increment <= 0) {
        throw new IllegalArgumentException("The cash increment of " + currency + " must be positive");
      }
    });
    charmEndings.forEach((currency, ending) -> {
      long increment = cashIncrements.getOrDefault(currency, 1L);
      if (ending < 0 || ending % increment != 0 || period(currency, ending) % increment != 0) {
        throw new IllegalArgumentException("The charm ending of " + currency
            + " must be a non-negative multiple of its cash increment");
      }
    });
  }

  /** What the ending repeats over: a power of ten above it, at least one major unit (0.99 in 1.00, 80 in 100). */
  private static long period(Currency currency, long ending) {
    long period = BigInteger.TEN.pow(currency.getDefaultFractionDigits()).longValueExact();
    while (period <= ending) {
      period = Math.multiplyExact(period, 10);
    }
    return period;
  }

  private static Map<Currency, Long> minorUnits(Map<String, String> settings) {
    Map<Currency, Long> parsed = new HashMap<>();
    settings.forEach((code, decimal) -> {
      Currency currency = MinorUnits.currency(code);
      parsed.put(currency, Money.parse(decimal, currency).amountMinor());
    });
    return parsed;
  }
}
