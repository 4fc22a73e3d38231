package org.emporium.pricing.domain;

import java.util.UUID;

/** One coupon an order redeemed: the code as stored and its promotion. */
public record Redeemed(String code, UUID promotionId) {
}
