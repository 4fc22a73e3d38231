package org.emporium.pricing.domain;

/** What a promotion gives. */
public enum DiscountKind {
  PERCENT_OFF,
  FIXED_AMOUNT,
  FREE_SHIPPING
}
