package org.emporium.search.infra;

import org.emporium.platform.money.FxRate;
import org.emporium.platform.money.FxRatesCache;
import org.emporium.platform.money.FxUnavailableException;
import org.emporium.search.domain.PriceConversion;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Currency;
import java.util.OptionalDouble;

/** Exchange rates from the node's {@link FxRatesCache}, as minor units per minor unit; none when the table has no fresh rate. */
public final class FxConversion implements PriceConversion {

  private final FxRatesCache cache;
  private final Clock clock;

  public FxConversion(FxRatesCache cache, Clock clock) {
    this.cache = cache;
    this.clock = clock;
  }

  @Override
  public OptionalDouble rate(Currency from, Currency target) {
    if (from.equals(target)) {
      return OptionalDouble.of(1.0);
    }
    try {
      FxRate rate = cache.current().rate(from, target, clock.instant());
      BigDecimal minor = rate.rate().scaleByPowerOfTen(target.getDefaultFractionDigits() - from.getDefaultFractionDigits());
      return OptionalDouble.of(minor.doubleValue());
    } catch (FxUnavailableException e) {
      return OptionalDouble.empty();
    }
  }
}
