package org.emporium.payment.domain;

import java.util.Optional;

/** Checks a card number (digits, length, Luhn) and tells its brand; the number itself is never kept. */
public final class CardNumbers {

  private CardNumbers() {
  }

  /** The card a valid number stands for, or empty when the number is not a card number. */
  public static Optional<Card> card(String number) {
    if (number == null || number.length() < 12 || number.length() > 19 || !number.chars().allMatch(Character::isDigit)
        || !luhn(number)) {
      return Optional.empty();
    }
    return Optional.of(new Card(brand(number), number.substring(number.length() - 4)));
  }

  public static boolean luhn(String digits) {
    int sum = 0;
    boolean doubled = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int digit = digits.charAt(i) - '0';
      if (doubled) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }

  static String brand(String number) {
    if (number.startsWith("4")) {
      return "visa";
    }
    if (number.startsWith("34") || number.startsWith("37")) {
      return "amex";
    }
    int two = Integer.parseInt(number.substring(0, 2));
    int four = Integer.parseInt(number.substring(0, 4));
    if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
      return "mastercard";
    }
    return "other";
  }
}
