package org.emporium.inventory.domain;

/** Units of one SKU asked for by a reservation. */
public record ReservationLine(String sku, int quantity) {
}
