package org.emporium.checkout.domain;

/** The card number check digit (ISO/IEC 7812). */
public final class Luhn {

  private Luhn() {
  }

  public static boolean valid(String digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return false;
      }
      if (twice) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
      twice = !twice;
    }
    return !digits.isEmpty() && sum % 10 == 0;
  }
}
