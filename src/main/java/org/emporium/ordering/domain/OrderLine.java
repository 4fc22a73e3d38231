package org.emporium.ordering.domain;

/**
 * A line as priced when the order was placed, in the order's currency (minor units): the unit price
 * snapshot, the discount taken off it and its tax; {@code total = subtotal - discount (+ tax unless
 * the order's prices include tax)}.
 */
public record OrderLine(String sku, int quantity, long unitPrice, long subtotal, long discount, long tax, long total) {
}
