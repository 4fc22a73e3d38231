package org.emporium.inventory.domain;

import java.time.Instant;
import java.util.UUID;

/** One ledger entry: units moved and the warehouse row's levels after the move. */
public record Movement(UUID id, String sku, UUID warehouseId, String kind, int quantity, String note,
    int onHandAfter, int reservedAfter, Instant createdAt) {
}
