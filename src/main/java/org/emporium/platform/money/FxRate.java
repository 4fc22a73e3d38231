package org.emporium.platform.money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Objects;

/** One quoted exchange rate: 1 {@code base} = {@code rate} {@code quote}, as of a time, from a source. */
public record FxRate(Currency base, Currency quote, BigDecimal rate, String source, Instant asOf) {

  public FxRate {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(quote, "quote");
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(asOf, "asOf");
    if (rate.signum() <= 0) {
      throw new IllegalArgumentException("An exchange rate must be positive: " + rate);
    }
    if (base.equals(quote)) {
      throw new IllegalArgumentException("A rate needs two different currencies: " + base);
    }
  }

  public String pair() {
    return base.getCurrencyCode() + "/" + quote.getCurrencyCode();
  }
}
