package org.emporium.pricing.domain;

/** How often a promotion may be redeemed in all (orders) and by one customer; null means no limit. */
public record UsageLimits(Integer total, Integer perCustomer) {

  public static final UsageLimits NONE = new UsageLimits(null, null);
}
