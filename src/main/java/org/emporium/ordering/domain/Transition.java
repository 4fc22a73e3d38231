package org.emporium.ordering.domain;

import java.time.Instant;

/** One entry of an order's history; {@code from} is null for the entry that made the order. */
public record Transition(OrderStatus from, OrderStatus to, Instant at, String actor, String reason) {
}
