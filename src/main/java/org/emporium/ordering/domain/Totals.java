package org.emporium.ordering.domain;

/** An order's amounts in its currency (minor units), as quoted at checkout. */
public record Totals(long subtotal, long discountTotal, long shipping, long taxTotal, long total) {
}
