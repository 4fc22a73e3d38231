package org.emporium.pricing.domain;

import org.emporium.platform.money.Money;

import java.util.List;
import java.util.Optional;

/**
 * A SKU as the catalog describes it to pricing: its product's status and category path (root first),
 * its explicit price in the wanted currency when it has one, and its base-currency price (null when it
 * has none, which the catalog does not allow).
 */
public record CatalogItem(String sku, String status, List<String> categoryPath, Optional<Money> explicitPrice,
    Money basePrice) {

  public CatalogItem {
    categoryPath = List.copyOf(categoryPath);
  }

  public boolean forSale() {
    return "published".equals(status) && (explicitPrice.isPresent() || basePrice != null);
  }
}
