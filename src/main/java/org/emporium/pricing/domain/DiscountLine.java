package org.emporium.pricing.domain;

import java.util.List;

/**
 * A priced line a promotion may apply to: its SKU, the category ids of its product (the category and
 * its ancestors, root first), the quantity and the line's amount before discounts, in the minor
 * units of the request's currency.
 */
public record DiscountLine(String sku, List<String> categoryIds, int quantity, long amount) {

  public DiscountLine {
    categoryIds = List.copyOf(categoryIds);
  }
}
