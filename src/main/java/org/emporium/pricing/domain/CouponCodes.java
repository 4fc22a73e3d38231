package org.emporium.pricing.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** Coupon codes are case-insensitive: stored and compared upper-case, 1 to 32 letters, digits, '-' and '_'. */
public final class CouponCodes {

  public static final int MAX_LENGTH = 32;
  private static final Pattern CODE = Pattern.compile("[A-Z0-9_-]{1," + MAX_LENGTH + "}");

  private CouponCodes() {
  }

  /** The stored form of what a shopper typed (surrounding blanks dropped, upper case). */
  public static String normalise(String code) {
    return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
  }

  public static boolean isValid(String normalised) {
    return normalised != null && CODE.matcher(normalised).matches();
  }
}
