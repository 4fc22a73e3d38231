package org.emporium.search.infra;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the writer must know without reading the index: each product's version and SKUs, and each
 * SKU's available units. Rebuilt from the index when it opens; touched by the index thread only.
 */
final class ReplicaState {

  private final Map<String, Long> versions = new HashMap<>();
  private final Map<String, List<String>> skusByProduct = new HashMap<>();
  private final Map<String, String> productBySku = new HashMap<>();
  private final Map<String, Long> available = new HashMap<>();

  /** Whether a snapshot of this version is newer than what the index holds. */
  boolean isNewer(String productId, long version) {
    Long known = versions.get(productId);
    return known == null || version > known;
  }

  boolean isOlder(String productId, long version) {
    Long known = versions.get(productId);
    return known != null && version < known;
  }

  void product(String productId, long version, List<String> skus) {
    versions.put(productId, version);
    List<String> previous = skusByProduct.put(productId, skus);
    if (previous != null) {
      previous.forEach(sku -> productBySku.remove(sku, productId));
    }
    skus.forEach(sku -> productBySku.put(sku, productId));
  }

  /** Records a SKU's available units; returns whether it was unknown or crossed zero. */
  boolean stock(String sku, long units) {
    Long before = available.put(sku, units);
    return before == null || (before > 0) != (units > 0);
  }

  String productOf(String sku) {
    return productBySku.get(sku);
  }

  boolean inStock(String productId) {
    return skusByProduct.getOrDefault(productId, List.of()).stream()
        .anyMatch(sku -> available.getOrDefault(sku, 0L) > 0);
  }

  int products() {
    return versions.size();
  }

  void clear() {
    versions.clear();
    skusByProduct.clear();
    productBySku.clear();
    available.clear();
  }
}
