package org.emporium.pricing.domain;

import org.emporium.platform.money.Money;

import java.util.Currency;
import java.util.List;

/**
 * What a cart costs in one currency. The parts add up exactly: {@code total} is the sum of the lines'
 * totals plus shipping, which is {@code subtotal - discountTotal + shipping}, plus {@code taxTotal}
 * unless the tax is included in the prices.
 */
public record Quote(Currency currency, List<QuotedLine> lines, Money subtotal, Money discountTotal, Money shipping,
    Money taxTotal, Money total, boolean taxInclusive, boolean freeShipping, List<AppliedCoupon> coupons) {

  public Quote {
    lines = List.copyOf(lines);
    coupons = List.copyOf(coupons);
  }
}
