package org.emporium.inventory.application;

import java.util.UUID;

/**
 * One request to a stock shard: {@code quantity} of {@code sku} in {@code region} for a reservation.
 * {@code whole}: the line is the whole (single-line) reservation, recorded by the shard's statement;
 * otherwise it is one line of a pending multi-line reservation.
 */
public record LineRequest(UUID reservationId, String sku, String region, int quantity, boolean whole,
    String reference, long expiresAtMillis) {
}
