package org.emporium.platform.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of exchange rates and the {@link PriceRules} that finish converted amounts. A
 * pair is converted with its own rate, else the inverse of the opposite pair, else as a cross rate
 * through the pivot currency; every rate used must be younger than the maximum age, so a stale rate is
 * refused rather than silently used. Amounts are rounded HALF_EVEN once, at the target currency's
 * exponent or its larger cash increment.
 */
public final class FxTable {

  public static final FxTable EMPTY = new FxTable(Currency.getInstance("USD"), List.of(), Duration.ZERO);

  private final Currency pivot;
  private final Map<String, FxRate> rates = new HashMap<>();
  private final Duration maxAge;
  private final PriceRules rules;

  public FxTable(Currency pivot, Collection<FxRate> rates, Duration maxAge) {
    this(pivot, rates, maxAge, PriceRules.NONE);
  }

  public FxTable(Currency pivot, Collection<FxRate> rates, Duration maxAge, PriceRules rules) {
    this.pivot = pivot;
    this.maxAge = maxAge;
    this.rules = rules;
    rates.forEach(rate -> this.rates.put(rate.pair(), rate));
  }

  public Currency pivot() {
    return pivot;
  }

  public Duration maxAge() {
    return maxAge;
  }

  public PriceRules rules() {
    return rules;
  }

  public Collection<FxRate> rates() {
    return List.copyOf(rates.values());
  }

  public boolean isEmpty() {
    return rates.isEmpty();
  }

  /** {@code from} in {@code target}, rounded once to its cash increment; the same currency comes back unchanged. */
  public Money convert(Money from, Currency target, Instant now) {
    if (from.currency().equals(target)) {
      return from;
    }
    return convert(from, rate(from.currency(), target, now));
  }

  /**
   * A SKU's price in {@code target}: its explicit price there when it has one, else its base price
   * converted (rounded once to the cash increment) and given the target's charm ending.
   */
  public ResolvedPrice resolve(Optional<Money> explicit, Money base, Currency target, Instant now) {
    if (explicit.isPresent() || base.currency().equals(target)) {
      Money own = explicit.orElse(base);
      if (!own.currency().equals(target)) {
        throw new CurrencyMismatchException(target, own.currency());
      }
      return new ResolvedPrice(own, null);
    }
    FxRate rate = rate(base.currency(), target, now);
    return new ResolvedPrice(rules.charm(convert(base, rate)), rate);
  }

  /** {@code from} at {@code rate} (whose base is its currency), rounded once to the cash increment. */
  public Money convert(Money from, FxRate rate) {
    int shift = rate.quote().getDefaultFractionDigits() - from.exponent();
    return rules.round(BigDecimal.valueOf(from.amountMinor()).multiply(rate.rate()).scaleByPowerOfTen(shift),
        rate.quote());
  }

  /**
   * The rate that converts {@code from} into {@code to}: quoted, inverted or crossed. Its time is the
   * oldest of the rates it is made of, and its source names them.
   */
  public FxRate rate(Currency from, Currency to, Instant now) {
    Optional<FxRate> leg = leg(from, to);
    if (leg.isPresent()) {
      return fresh(leg.get(), now);
    }
    Optional<FxRate> in = leg(from, pivot);
    Optional<FxRate> out = leg(pivot, to);
    if (from.equals(pivot) || to.equals(pivot) || in.isEmpty() || out.isEmpty()) {
      throw new FxUnavailableException("No exchange rate from " + from.getCurrencyCode() + " to "
          + to.getCurrencyCode() + " is known.");
    }
    FxRate first = fresh(in.get(), now);
    FxRate second = fresh(out.get(), now);
    Instant asOf = first.asOf().isBefore(second.asOf()) ? first.asOf() : second.asOf();
    return new FxRate(from, to, first.rate().multiply(second.rate(), MathContext.DECIMAL128),
        "cross:" + first.source() + "+" + second.source(), asOf);
  }

  private Optional<FxRate> leg(Currency from, Currency to) {
    FxRate quoted = rates.get(from.getCurrencyCode() + "/" + to.getCurrencyCode());
    if (quoted != null) {
      return Optional.of(quoted);
    }
    FxRate opposite = rates.get(to.getCurrencyCode() + "/" + from.getCurrencyCode());
    return Optional.ofNullable(opposite).map(o -> new FxRate(from, to,
        BigDecimal.ONE.divide(o.rate(), MathContext.DECIMAL128), o.source(), o.asOf()));
  }

  private FxRate fresh(FxRate rate, Instant now) {
    if (rate.asOf().plus(maxAge).isBefore(now)) {
      throw new FxUnavailableException("The " + rate.pair() + " rate of " + rate.asOf()
          + " is older than the maximum age of " + maxAge + ".");
    }
    return rate;
  }
}
