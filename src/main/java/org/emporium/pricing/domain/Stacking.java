package org.emporium.pricing.domain;

import org.emporium.platform.money.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * How accepted coupons combine: at most one per kind (the check refuses a second), applied percent
 * off first, then the fixed amount, then free shipping, each on what remains of its eligible lines
 * after the earlier ones, and never more than that. A discount is spread over its eligible lines in
 * proportion to what remains of each (largest remainder), which is how the next discount learns what
 * remains; a quote that allocates the same way never takes a line below zero.
 */
public final class Stacking {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final List<DiscountKind> ORDER =
      List.of(DiscountKind.PERCENT_OFF, DiscountKind.FIXED_AMOUNT, DiscountKind.FREE_SHIPPING);

  private Stacking() {
  }

  public static Discounts apply(Currency currency, List<DiscountLine> lines, List<CouponCheck.Accepted> accepted) {
    long[] remaining = lines.stream().mapToLong(DiscountLine::amount).toArray();
    List<Discount> discounts = new ArrayList<>();
    boolean freeShipping = false;
    List<CouponCheck.Accepted> ordered = accepted.stream()
        .sorted(Comparator.comparingInt(a -> ORDER.indexOf(a.promotion().kind()))).toList();
    for (CouponCheck.Accepted coupon : ordered) {
      PromotionDefinition definition = coupon.promotion().definition();
      List<Integer> eligible = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        if (definition.conditions().covers(lines.get(i))) {
          eligible.add(i);
        }
      }
      long base = eligible.stream().mapToLong(i -> remaining[i]).sum();
      long amount = switch (definition.kind()) {
        case PERCENT_OFF -> Money.ofMinor(base, currency).times(definition.percent().divide(HUNDRED)).amountMinor();
        case FIXED_AMOUNT -> definition.amountOff().getOrDefault(currency.getCurrencyCode(), 0L);
        case FREE_SHIPPING -> 0L;
      };
      amount = Math.min(amount, base);
      take(remaining, eligible, amount, currency);
      freeShipping |= definition.kind() == DiscountKind.FREE_SHIPPING;
      LinkedHashSet<String> skus = new LinkedHashSet<>();
      eligible.forEach(i -> skus.add(lines.get(i).sku()));
      discounts.add(new Discount(coupon.code(), coupon.promotion().id().toString(), definition.kind(), amount,
          List.copyOf(skus)));
    }
    return new Discounts(discounts, freeShipping);
  }

  private static void take(long[] remaining, List<Integer> eligible, long amount, Currency currency) {
    if (amount <= 0) {
      return;
    }
    long[] ratios = eligible.stream().mapToLong(i -> remaining[i]).toArray();
    List<Money> parts = Money.ofMinor(amount, currency).allocate(ratios);
    for (int k = 0; k < eligible.size(); k++) {
      remaining[eligible.get(k)] -= parts.get(k).amountMinor();
    }
  }
}
