package org.emporium.search.domain;

import java.util.List;
import java.util.Map;

/**
 * What the index keeps of one catalog product snapshot. {@code prices} holds the lowest variant
 * price per currency with an explicit price (minor units); only published products are visible.
 */
public record IndexedProduct(
    String id,
    long version,
    String status,
    String slug,
    String title,
    String description,
    Named brand,
    Named category,
    List<String> categoryPath,
    List<String> skus,
    Map<String, Long> prices,
    String imageUrl,
    long listedAtMillis) {

  /** A brand or category: id, slug and display name. */
  public record Named(String id, String slug, String name) {
  }

  public boolean visible() {
    return "published".equals(status);
  }
}
