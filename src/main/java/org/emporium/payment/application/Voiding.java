package org.emporium.payment.application;

import io.vertx.core.Future;
import org.emporium.payment.domain.Payment;
import org.emporium.payment.domain.PaymentStatus;
import org.emporium.payment.domain.Rejection;

import java.util.UUID;

/**
 * {@code payment.void}: releases an authorisation. An unknown payment id gets a voided tombstone,
 * so an authorise that arrives after its compensation is refused instead of charging.
 */
public final class Voiding {

  private final PaymentStore store;
  private final ProviderCalls calls;

  public Voiding(PaymentStore store, PaymentProvider provider) {
    this.store = store;
    this.calls = new ProviderCalls(provider, store);
  }

  public Future<Payment> voidPayment(UUID paymentId) {
    return store.payments().find(store.pool(), paymentId).compose(found -> found.isEmpty() ? tombstone(paymentId)
        : voidStored(found.get()));
  }

  private Future<Payment> tombstone(UUID paymentId) {
    Payment tombstone = Payment.tombstone(paymentId, calls.provider().name(), store.now());
    return store.transaction(tx -> store.payments().insertIfAbsent(tx.connection(), tombstone).map(inserted -> {
      if (inserted) {
        tx.publish(PaymentEvents.of("voided", tombstone));
      }
      return inserted;
    })).compose(inserted -> inserted ? Future.succeededFuture(tombstone)
        // an authorise stored it meanwhile: void that one
        : store.get(paymentId).compose(this::voidStored));
  }

  private Future<Payment> voidStored(Payment payment) {
    Future<Payment> settled = settled(payment);
    if (settled != null) {
      return settled;
    }
    String key = IdempotencyKeys.voiding(payment.id());
    return ProviderCalls.approved(calls.provider().voidAuthorisation(key, payment.providerReference()))
        .compose(approved -> store.transaction(tx -> store.locked(tx, payment.id()).compose(current -> {
          Future<Payment> raced = settled(current);
          return raced != null ? raced : store.save(tx, current.voided(store.now()),
              new ProviderOperation(key, current.id(), "void", current.authorised(), "approved", approved.reference()),
              "voided");
        })));
  }

  /** The answer when there is nothing to void, or null when the payment is authorised. */
  private Future<Payment> settled(Payment payment) {
    if (payment.status() == PaymentStatus.VOIDED) {
      return Future.succeededFuture(payment);
    }
    if (payment.status() == PaymentStatus.FAILED) {
      // nothing is authorised; a provider outage may have left something there, so void it again
      return Payment.PROVIDER_UNAVAILABLE.equals(payment.failureReason())
          ? calls.voidQuietly(payment).map(payment) : Future.succeededFuture(payment);
    }
    if (payment.status().captured()) {
      return Rejected.fail(new Rejection.Conflict("A captured payment cannot be voided; refund it instead."));
    }
    return null;
  }
}
