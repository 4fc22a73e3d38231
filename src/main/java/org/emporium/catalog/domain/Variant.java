package org.emporium.catalog.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One sellable form of a product, named by its SKU, with option values ({@code size: M}), shipping
 * weight and size, barcode and its prices (one per currency).
 */
public record Variant(String sku, Map<String, String> options, String barcode, Integer weightGrams,
    Dimensions dimensionsMm, List<Price> prices) {

  public Variant {
    options = Map.copyOf(options);
    prices = List.copyOf(prices);
  }

  /** This variant with its prices in currency order, as stored, so equal prices compare equal. */
  public Variant canonical() {
    return new Variant(sku, options, barcode, weightGrams, dimensionsMm, prices.stream()
        .sorted(java.util.Comparator.comparing(Price::currency)).toList());
  }

  public Optional<Price> price(String currency) {
    return prices.stream().filter(p -> p.currency().equals(currency)).findFirst();
  }

  /** This variant with {@code price} set (replacing the one in its currency). */
  public Variant withPrice(Price price) {
    List<Price> next = new java.util.ArrayList<>(prices.stream()
        .filter(p -> !p.currency().equals(price.currency())).toList());
    next.add(price);
    return new Variant(sku, options, barcode, weightGrams, dimensionsMm, next);
  }
}
