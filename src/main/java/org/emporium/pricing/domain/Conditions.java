package org.emporium.pricing.domain;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What an order must meet for a promotion: a minimum subtotal of the eligible lines per currency
 * (minor units; a promotion with minimums applies only in the currencies named), eligible lines by
 * category (a line's category or any of its ancestors) or SKU (either matches; neither given means
 * every line), and whether it is only for a customer's first order.
 */
public record Conditions(Map<String, Long> minSubtotal, Set<String> categoryIds, Set<String> skus, boolean firstOrder) {

  public static final Conditions NONE = new Conditions(Map.of(), Set.of(), Set.of(), false);

  public Conditions {
    minSubtotal = Collections.unmodifiableMap(new TreeMap<>(minSubtotal));
    categoryIds = Set.copyOf(categoryIds);
    skus = Set.copyOf(skus);
  }

  public boolean covers(DiscountLine line) {
    if (categoryIds.isEmpty() && skus.isEmpty()) {
      return true;
    }
    return skus.contains(line.sku()) || line.categoryIds().stream().anyMatch(categoryIds::contains);
  }
}
