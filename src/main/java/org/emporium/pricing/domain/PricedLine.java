package org.emporium.pricing.domain;

import org.emporium.platform.money.Money;

import java.util.List;

/**
 * A cart line priced in the quote's currency, before discounts and tax: the unit price is the SKU's
 * explicit price there ({@code explicit}) or its base price converted ({@code converted}); the
 * category path (root first) is what category promotions and tax rates match.
 */
public record PricedLine(String sku, int quantity, Money unitPrice, String priceSource, List<String> categoryPath) {

  public PricedLine {
    categoryPath = List.copyOf(categoryPath);
  }

  public Money subtotal() {
    return unitPrice.times(quantity);
  }
}
