package org.emporium.pricing.application;

import org.emporium.pricing.domain.DiscountLine;

import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Checkout redeeming the coupon codes of one order (no codes: the order still counts for first orders). */
public record RedeemCommand(UUID orderId, Optional<UUID> customerId, Currency currency, List<String> codes,
    List<DiscountLine> lines) {

  public RedeemCommand {
    codes = List.copyOf(codes);
    lines = List.copyOf(lines);
  }
}
