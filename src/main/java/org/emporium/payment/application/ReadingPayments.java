package org.emporium.payment.application;

import io.vertx.core.Future;
import org.emporium.payment.domain.Payment;
import org.emporium.payment.domain.Rejection;

import java.util.UUID;

/** Reads one payment: {@code payment.get} and the REST read (the caller's own, or any with the permission). */
public final class ReadingPayments {

  private final PaymentStore store;

  public ReadingPayments(PaymentStore store) {
    this.store = store;
  }

  public Future<Payment> get(UUID paymentId) {
    return store.get(paymentId);
  }

  /** Others' payments are as unknown as missing ones (404), so ids cannot be probed. */
  public Future<Payment> get(UUID paymentId, UUID callerCustomerId, boolean manager) {
    return store.get(paymentId).compose(payment -> manager
        || (payment.customerId() != null && payment.customerId().equals(callerCustomerId))
        ? Future.succeededFuture(payment) : Rejected.fail(new Rejection.NotFound("No payment " + paymentId + ".")));
  }
}
