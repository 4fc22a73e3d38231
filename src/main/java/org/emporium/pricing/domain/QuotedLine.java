package org.emporium.pricing.domain;

import org.emporium.platform.money.Money;

import java.math.BigDecimal;

/**
 * A line of a quote: {@code subtotal} is unit price times quantity, {@code discount} its share of the
 * coupons, {@code tax} the tax on what is left (included in it when the country shows prices with tax),
 * {@code total = subtotal - discount (+ tax when exclusive)}.
 */
public record QuotedLine(String sku, int quantity, Money unitPrice, String priceSource, Money subtotal,
    Money discount, BigDecimal taxRate, Money tax, Money total) {
}
