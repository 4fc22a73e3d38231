package org.emporium.pricing.domain;

import org.emporium.platform.money.Money;

/** A coupon as the quote applied it: what it took off in all (zero for free shipping). */
public record AppliedCoupon(String code, String promotionId, DiscountKind kind, Money amount) {
}
