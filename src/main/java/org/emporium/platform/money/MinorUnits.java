package org.emporium.platform.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** The conversions {@link Money} needs at its edges: currency codes in, decimals rounded to minor units. */
final class MinorUnits {

  private MinorUnits() {
  }

  static Currency currency(String code) {
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException unknown) {
      throw new IllegalArgumentException("Unknown ISO 4217 currency code: " + code, unknown);
    }
  }

  /** A value in minor units rounded HALF_EVEN to a whole number; ArithmeticException if it exceeds a long. */
  static long roundHalfEven(BigDecimal value) {
    // Decided from precision and scale first, so huge or tiny exponents cost nothing to reject.
    long integerDigits = (long) value.precision() - value.scale();
    if (value.signum() == 0 || integerDigits < 0) {
      return 0; // |value| < 0.1 rounds to zero
    }
    if (integerDigits > 19) {
      throw new ArithmeticException("Amount out of range of a long: " + value);
    }
    return value.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
  }
}
