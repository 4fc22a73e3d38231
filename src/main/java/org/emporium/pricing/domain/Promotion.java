package org.emporium.pricing.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

/** A stored promotion: its definition, how many orders redeemed it (and were not released), and its version. */
public record Promotion(UUID id, PromotionDefinition definition, int used, int version, Instant createdAt,
    Instant updatedAt) {

  public DiscountKind kind() {
    return definition.kind();
  }

  public boolean exhausted() {
    Integer total = definition.limits().total();
    return total != null && used >= total;
  }

  /**
   * Whether it can be used in a currency: a fixed amount only where it has an amount, a promotion with
   * minimum subtotals only where it names one; otherwise every currency.
   */
  public boolean usableIn(String currency) {
    if (kind() == DiscountKind.FIXED_AMOUNT && !definition.amountOff().containsKey(currency)) {
      return false;
    }
    return definition.conditions().minSubtotal().isEmpty() || definition.conditions().minSubtotal().containsKey(currency);
  }

  /** What a shopper is told it gives: the administrator's description, else "10% off", "EUR 5.00 off", "Free shipping". */
  public String summary(String currency) {
    if (definition.description() != null) {
      return definition.description();
    }
    return switch (kind()) {
      case PERCENT_OFF -> definition.percent().stripTrailingZeros().toPlainString() + "% off";
      case FIXED_AMOUNT -> fixedAmount(currency) + " off";
      case FREE_SHIPPING -> "Free shipping";
    };
  }

  private String fixedAmount(String currency) {
    Long minor = definition.amountOff().get(currency);
    if (minor == null) {
      return "An amount";
    }
    Currency unit = Currency.getInstance(currency);
    return currency + " " + BigDecimal.valueOf(minor, unit.getDefaultFractionDigits()).toPlainString();
  }
}
