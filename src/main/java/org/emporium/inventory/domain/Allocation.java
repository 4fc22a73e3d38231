package org.emporium.inventory.domain;

import java.util.UUID;

/** Units of a SKU held for a reservation in one warehouse. */
public record Allocation(String sku, UUID warehouseId, int quantity) {
}
