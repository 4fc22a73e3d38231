package org.emporium.ordering.application;

import io.vertx.core.Future;

import java.util.UUID;

/** What a cancelled paid order undoes in other contexts; each call is idempotent on their side. */
public interface Compensations {

  /** Refunds what was captured ({@code payment.refund}, refund id = order id); answers the amount refunded in all. */
  Future<Long> refund(UUID paymentId, UUID refundId, String reason);

  /** Puts the sold units back on hand ({@code inventory.restock}). */
  Future<Void> restock(UUID reservationId);

  /** Gives the order's coupon uses back ({@code pricing.releaseCoupons}). */
  Future<Void> releaseCoupons(UUID orderId);
}
