package org.emporium.inventory.domain;

/** A SKU's levels summed over one region's warehouses. */
public record RegionStock(String sku, String region, long onHand, long reserved, long available) {
}
