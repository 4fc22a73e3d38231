package org.emporium.payment.application;

import org.emporium.payment.domain.Payment;
import org.emporium.platform.events.OutboxEvent;

/** The events of topic {@code payment.payment.v1} (key: the payment id); payload: the payment JSON. */
final class PaymentEvents {

  private PaymentEvents() {
  }

  /** {@code emporium.payment.payment.<what>.v1}: authorised, captured, refunded, failed or voided. */
  static OutboxEvent of(String what, Payment payment) {
    return OutboxEvent.of("payment", payment.id().toString(), "payment." + what, PaymentJson.of(payment));
  }
}
