package org.emporium.payment.application;

import io.vertx.core.Future;
import org.emporium.payment.domain.Payment;
import org.emporium.payment.domain.PaymentStatus;
import org.emporium.payment.domain.Rejection;

import java.util.UUID;

/** {@code payment.capture}: the whole authorised amount, once; a repeat answers the captured payment. */
public final class Capturing {

  private final PaymentStore store;
  private final ProviderCalls calls;

  public Capturing(PaymentStore store, PaymentProvider provider) {
    this.store = store;
    this.calls = new ProviderCalls(provider, store);
  }

  public Future<Payment> capture(UUID paymentId, UUID orderId) {
    return store.get(paymentId).compose(payment -> {
      Future<Payment> settled = settled(payment);
      if (settled != null) {
        return settled;
      }
      String key = IdempotencyKeys.capture(paymentId);
      return ProviderCalls.approved(calls.provider().capture(key, payment.providerReference(), payment.authorised()))
          .compose(approved -> store.transaction(tx -> store.locked(tx, paymentId).compose(current -> {
            Future<Payment> raced = settled(current);
            return raced != null ? raced : store.save(tx, current.captured(orderId, store.now()),
                new ProviderOperation(key, paymentId, "capture", current.authorised(), "approved",
                    approved.reference()), "captured");
          })));
    });
  }

  /** The answer when there is nothing to capture, or null when the payment is authorised. */
  private static Future<Payment> settled(Payment payment) {
    if (payment.status().captured()) {
      return Future.succeededFuture(payment);
    }
    if (payment.status() != PaymentStatus.AUTHORISED) {
      return Rejected.fail(new Rejection.Conflict("A " + payment.status().wire() + " payment cannot be captured."));
    }
    return null;
  }
}
