package org.emporium.inventory.domain;

import java.util.UUID;

/** A warehouse row whose levels changed since the last signal; {@code fellLow}: it crossed its reorder level. */
public record StockSignal(String sku, UUID warehouseId, String region, int available, int reorderLevel,
    boolean fellLow) {
}
