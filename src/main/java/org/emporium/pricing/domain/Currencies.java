package org.emporium.pricing.domain;

import java.util.Currency;
import java.util.regex.Pattern;

/** Which currency codes amounts can be kept in: ISO 4217 codes with a minor unit (not XAU, XDR, ...). */
public final class Currencies {

  private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

  private Currencies() {
  }

  public static boolean isUsable(String code) {
    if (code == null || !CODE.matcher(code).matches()) {
      return false;
    }
    try {
      return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
    } catch (IllegalArgumentException unknown) {
      return false;
    }
  }
}
