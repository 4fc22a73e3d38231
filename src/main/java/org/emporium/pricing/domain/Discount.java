package org.emporium.pricing.domain;

import java.util.List;

/**
 * One applied promotion: the total it takes off (minor units of the request's currency, never more
 * than the eligible lines' amount; zero for free shipping) and the SKUs of the eligible lines the
 * amount is allocated across.
 */
public record Discount(String code, String promotionId, DiscountKind kind, long amount, List<String> skus) {

  public Discount {
    skus = List.copyOf(skus);
  }
}
