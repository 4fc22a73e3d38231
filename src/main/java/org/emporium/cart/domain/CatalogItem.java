package org.emporium.cart.domain;

import java.util.UUID;

/**
 * What the catalog says about a SKU in the cart currency: its product, title, status and the price a
 * shopper pays ({@code price} null when the SKU has none in that currency).
 */
public record CatalogItem(String sku, UUID productId, String title, String status, Long price) {

  public boolean published() {
    return "published".equals(status);
  }
}
