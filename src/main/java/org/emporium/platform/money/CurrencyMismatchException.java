package org.emporium.platform.money;

import java.util.Currency;

/** Two amounts of different currencies met in one operation; converting is never implicit. */
public final class CurrencyMismatchException extends IllegalArgumentException {

  private final Currency expected;
  private final Currency actual;

  public CurrencyMismatchException(Currency expected, Currency actual) {
    super("Currency mismatch: " + expected.getCurrencyCode() + " vs " + actual.getCurrencyCode());
    this.expected = expected;
    this.actual = actual;
  }

  public Currency expected() {
    return expected;
  }

  public Currency actual() {
    return actual;
  }
}
