package org.emporium.pricing.domain;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * What promotions are evaluated against: the priced lines in one currency, the coupon codes the
 * shopper entered (in the order entered), the customer when signed in (for per-customer limits and
 * first-order conditions) and the moment of evaluation.
 */
public record DiscountRequest(Currency currency, Optional<String> customerId, List<DiscountLine> lines,
    List<String> codes, Instant at) {

  public DiscountRequest {
    lines = List.copyOf(lines);
    codes = List.copyOf(codes);
  }
}
