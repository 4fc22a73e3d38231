package org.emporium.pricing.domain;

import java.util.List;

/** Every promotion that applies to a request, in the order applied, and whether shipping is free. */
public record Discounts(List<Discount> discounts, boolean freeShipping) {

  public static final Discounts NONE = new Discounts(List.of(), false);

  public Discounts {
    discounts = List.copyOf(discounts);
  }
}
