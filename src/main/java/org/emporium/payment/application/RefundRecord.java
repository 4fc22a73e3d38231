package org.emporium.payment.application;

import java.util.UUID;

/** A refund of a payment, keyed by the caller's refund id; {@code pending} while the provider is asked. */
public record RefundRecord(String refundId, UUID paymentId, long amount, String reason, boolean pending) {
}
