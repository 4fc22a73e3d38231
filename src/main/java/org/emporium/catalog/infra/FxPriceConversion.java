package org.emporium.catalog.infra;

import org.emporium.catalog.application.PriceConversion;
import org.emporium.platform.money.FxRatesCache;
import org.emporium.platform.money.FxUnavailableException;
import org.emporium.platform.money.Money;

import java.time.Clock;
import java.util.Currency;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@link PriceConversion} at the pricing context's current rates and rules: rounded once, half-even, at
 * the target's exponent or cash increment, then given the target's charm ending.
 */
public final class FxPriceConversion implements PriceConversion {

  private final FxRatesCache rates;
  private final Clock clock;

  public FxPriceConversion(FxRatesCache rates, Clock clock) {
    this.rates = rates;
    this.clock = clock;
  }

  @Override
  public OptionalLong convert(long amount, String from, String to) {
    try {
      return OptionalLong.of(rates.current().resolve(Optional.empty(), Money.ofMinor(amount, from),
          Currency.getInstance(to), clock.instant()).price().amountMinor());
    } catch (FxUnavailableException e) {
      return OptionalLong.empty();
    }
  }
}
