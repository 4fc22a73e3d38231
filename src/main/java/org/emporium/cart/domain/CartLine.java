package org.emporium.cart.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * One line of a cart: a SKU, its units, and what the catalog said about it when the line last
 * changed (unit price in the cart currency, product and title). {@code position} orders lines by
 * when they were first added.
 */
public record CartLine(String sku, int quantity, long unitPrice, UUID productId, String title, long position) {

  public CartLine {
    Objects.requireNonNull(sku, "sku");
    title = title == null ? "" : title;
  }

  public long total() {
    return Math.multiplyExact(unitPrice, (long) quantity);
  }
}
