package org.emporium.pricing.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A promotion as an administrator defines it: what it gives ({@code percent} for percent off,
 * {@code amountOff} per currency in minor units for a fixed amount, nothing more for free shipping),
 * its conditions, validity window, usage limits and coupon codes (normalised, unique).
 */
public record PromotionDefinition(String name, String description, DiscountKind kind, BigDecimal percent,
    Map<String, Long> amountOff, Conditions conditions, Validity validity, UsageLimits limits, List<String> codes,
    boolean active) {

  public static final int MAX_NAME = 200;
  public static final int MAX_DESCRIPTION = 500;
  public static final int MAX_CODES = 100;
  public static final int MAX_CURRENCIES = 50;
  public static final int MAX_CATEGORIES = 100;
  public static final int MAX_SKUS = 500;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public PromotionDefinition {
    amountOff = Collections.unmodifiableMap(new TreeMap<>(amountOff));
    codes = List.copyOf(codes);
  }

  /** The rules between and within fields; each violation names its JSON pointer. Empty when valid. */
  public List<Violation> violations() {
    List<Violation> found = new ArrayList<>();
    if (name == null || name.isBlank() || name.length() > MAX_NAME) {
      found.add(new Violation("/name", "must be 1 to " + MAX_NAME + " characters"));
    }
    if (description != null && (description.isBlank() || description.length() > MAX_DESCRIPTION)) {
      found.add(new Violation("/description", "must be 1 to " + MAX_DESCRIPTION + " characters"));
    }
    if (kind == null) {
      found.add(new Violation("/kind", "must be percent_off, fixed_amount or free_shipping"));
    }
    if (kind == DiscountKind.PERCENT_OFF) {
      if (percent == null || percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0 || percent.scale() > 2) {
        found.add(new Violation("/percent", "must be more than 0 and at most 100, with at most 2 decimals"));
      }
    } else if (percent != null && kind != null) {
      found.add(new Violation("/percent", "is only for kind percent_off"));
    }
    if (kind == DiscountKind.FIXED_AMOUNT) {
      amounts("/amountOff", amountOff, 1, found);
      if (!conditions.minSubtotal().isEmpty() && !conditions.minSubtotal().keySet().equals(amountOff.keySet())) {
        found.add(new Violation("/conditions/minSubtotal", "must name the same currencies as amountOff"));
      }
    } else if (!amountOff.isEmpty() && kind != null) {
      found.add(new Violation("/amountOff", "is only for kind fixed_amount"));
    }
    if (!conditions.minSubtotal().isEmpty()) {
      amounts("/conditions/minSubtotal", conditions.minSubtotal(), 0, found);
    }
    conditions.categoryIds().stream().filter(id -> id.isBlank() || id.length() > 100).findFirst().ifPresent(id ->
        found.add(new Violation("/conditions/categoryIds", "must hold ids of 1 to 100 characters")));
    if (conditions.categoryIds().size() > MAX_CATEGORIES) {
      found.add(new Violation("/conditions/categoryIds", "must hold at most " + MAX_CATEGORIES + " ids"));
    }
    conditions.skus().stream().filter(sku -> sku.isBlank() || sku.length() > 64).findFirst().ifPresent(sku ->
        found.add(new Violation("/conditions/skus", "must hold SKUs of 1 to 64 characters")));
    if (conditions.skus().size() > MAX_SKUS) {
      found.add(new Violation("/conditions/skus", "must hold at most " + MAX_SKUS + " SKUs"));
    }
    if (validity.from() != null && validity.until() != null && !validity.from().isBefore(validity.until())) {
      found.add(new Violation("/validity/until", "must be later than from"));
    }
    if (limits.total() != null && limits.total() < 1) {
      found.add(new Violation("/limits/total", "must be at least 1"));
    }
    if (limits.perCustomer() != null && limits.perCustomer() < 1) {
      found.add(new Violation("/limits/perCustomer", "must be at least 1"));
    }
    codes(found);
    return found;
  }

  private void codes(List<Violation> found) {
    if (codes.isEmpty() || codes.size() > MAX_CODES) {
      found.add(new Violation("/codes", "must hold 1 to " + MAX_CODES + " codes"));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < codes.size(); i++) {
      if (!CouponCodes.isValid(codes.get(i))) {
        found.add(new Violation("/codes/" + i, "must be 1 to 32 letters, digits, '-' or '_'"));
      } else if (!seen.add(codes.get(i))) {
        found.add(new Violation("/codes/" + i, "repeats " + codes.get(i) + " (codes ignore case)"));
      }
    }
  }

  private static void amounts(String pointer, Map<String, Long> amounts, long minimum, List<Violation> found) {
    if (amounts.isEmpty() || amounts.size() > MAX_CURRENCIES) {
      found.add(new Violation(pointer, "must name 1 to " + MAX_CURRENCIES + " currencies"));
    }
    amounts.forEach((currency, amount) -> {
      if (!Currencies.isUsable(currency)) {
        found.add(new Violation(pointer + "/" + currency, "must be keyed by an ISO 4217 code with a minor unit"));
      } else if (amount == null || amount < minimum) {
        found.add(new Violation(pointer + "/" + currency, "must be at least " + minimum + " (minor units)"));
      }
    });
  }
}
