package org.emporium.catalog.application;

import io.vertx.core.Future;

/** Receives stock for a SKU in the inventory context (the demo seeding's only use of it). */
public interface StockReceipts {

  /** Fails with {@link Unreachable} when no inventory context answers at all. */
  Future<Void> receive(String sku, int quantity, String reference);

  /** No inventory context is deployed. */
  final class Unreachable extends RuntimeException {
    public Unreachable(String message) {
      super(message, null, false, false);
    }
  }
}
