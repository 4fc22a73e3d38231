package org.emporium.pricing.application;

import org.emporium.platform.money.FxRate;
import org.emporium.platform.money.FxTable;
import org.emporium.platform.money.FxUnavailableException;
import org.emporium.platform.money.Money;
import org.emporium.pricing.domain.Violation;

import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.function.Supplier;

/** An amount in another currency at this node's current rates, rounded once to the target's cash increment. */
public final class Converting {

  /** The converted amount and the rate used (none for the same currency). */
  public record Converted(Money amount, FxRate rate) {
  }

  private final Supplier<FxTable> rates;
  private final Clock clock;

  public Converting(Supplier<FxTable> rates, Clock clock) {
    this.rates = rates;
    this.clock = clock;
  }

  public Converted convert(Money amount, Currency target) {
    if (amount.currency().equals(target)) {
      return new Converted(amount, null);
    }
    try {
      FxTable table = rates.get();
      FxRate rate = table.rate(amount.currency(), target, clock.instant());
      return new Converted(table.convert(amount, rate), rate);
    } catch (FxUnavailableException e) {
      throw Rejected.unprocessable(e.getMessage(), List.of(new Violation("/currency", "has no usable exchange rate")));
    }
  }
}
