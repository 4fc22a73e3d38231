package org.emporium.payment.application;

import java.util.UUID;

/** The provider idempotency key of each operation: a retry or a repeat sends the same key. */
final class IdempotencyKeys {

  private IdempotencyKeys() {
  }

  static String authorise(UUID paymentId) {
    return paymentId + ":authorise";
  }

  static String capture(UUID paymentId) {
    return paymentId + ":capture";
  }

  static String voiding(UUID paymentId) {
    return paymentId + ":void";
  }

  static String refund(UUID paymentId, String refundId) {
    return paymentId + ":refund:" + refundId;
  }
}
