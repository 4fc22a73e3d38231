package org.emporium.ordering.application;

import org.emporium.ordering.domain.OrderStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * One page of a listing, newest first: null members do not filter; {@code after} is where the
 * previous page ended. {@code from} is inclusive, {@code to} exclusive.
 */
public record OrderQuery(UUID customerId, OrderStatus status, Instant from, Instant to, OrderCursor after,
    int limit) {
}
