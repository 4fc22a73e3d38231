package org.emporium.payment.application;

import io.vertx.core.Future;
import org.emporium.payment.domain.Card;
import org.emporium.payment.domain.DeclineReason;
import org.emporium.payment.domain.Payment;
import org.emporium.payment.domain.PaymentStatus;
import org.emporium.payment.domain.ProviderResult;
import org.emporium.payment.domain.Rejection;

import java.util.UUID;

/**
 * {@code payment.authorise}: idempotent by payment id. The provider is asked first (its key makes
 * a concurrent repeat the same operation), then the outcome is stored once: whoever inserts the row
 * publishes its event, everyone answers what the row says, refusals included.
 */
public final class Authorising {

  /** A checked request; the number is only passed on to the provider, never stored. */
  public record Command(UUID paymentId, String reference, UUID customerId, String currency, long amount,
      String cardNumber, Card card) {
  }

  private final PaymentStore store;
  private final ProviderCalls calls;

  public Authorising(PaymentStore store, PaymentProvider provider) {
    this.store = store;
    this.calls = new ProviderCalls(provider, store);
  }

  public Future<Payment> authorise(Command command) {
    return store.payments().find(store.pool(), command.paymentId())
        .compose(found -> found.isPresent() ? answer(found.get()) : fresh(command));
  }

  private Future<Payment> fresh(Command c) {
    String key = IdempotencyKeys.authorise(c.paymentId());
    String provider = calls.provider().name();
    return calls.provider().authorise(key, c.currency(), c.amount(), c.cardNumber()).transform(ar -> {
      ProviderResult result = ar.succeeded() ? ar.result() : null;
      Payment payment;
      if (result instanceof ProviderResult.Approved approved) {
        payment = Payment.authorised(c.paymentId(), c.reference(), c.customerId(), c.currency(), c.amount(), c.card(),
            provider, approved.reference(), store.now());
      } else {
        String reason = result instanceof ProviderResult.Declined declined ? declined.reason().wire()
            : Payment.PROVIDER_UNAVAILABLE;
        payment = Payment.failed(c.paymentId(), c.reference(), c.customerId(), c.currency(), c.amount(), c.card(),
            provider, reason, store.now());
      }
      String outcome = result == null ? "failed" : ProviderCalls.outcome(result);
      return store(payment, new ProviderOperation(key, c.paymentId(), "authorise", c.amount(), outcome,
          ProviderCalls.reference(result)));
    });
  }

  private Future<Payment> store(Payment payment, ProviderOperation operation) {
    return store.transaction(tx -> store.payments().insertIfAbsent(tx.connection(), payment).compose(inserted -> {
      if (!inserted) {
        return store.locked(tx, payment.id());
      }
      tx.publish(PaymentEvents.of(payment.status() == PaymentStatus.AUTHORISED ? "authorised" : "failed", payment));
      return store.payments().recordOperation(tx.connection(), operation).map(payment);
    })).compose(stored -> {
      boolean unclean = payment.status() == PaymentStatus.AUTHORISED
          ? stored.status() == PaymentStatus.VOIDED
          : Payment.PROVIDER_UNAVAILABLE.equals(payment.failureReason());
      // nothing may stay authorised at the provider for a payment that is voided or failed here
      return (unclean ? calls.voidQuietly(payment) : Future.<Void>succeededFuture()).compose(v -> answer(stored));
    });
  }

  /** A stored payment as the answer: the payment, or the refusal it recorded. */
  static Future<Payment> answer(Payment payment) {
    if (payment.status() == PaymentStatus.VOIDED) {
      return Rejected.fail(new Rejection.Conflict("Payment " + payment.id() + " was voided; it cannot be authorised."));
    }
    if (payment.status() == PaymentStatus.FAILED) {
      DeclineReason reason = payment.declineReason();
      return Rejected.fail(reason != null ? new Rejection.Declined(reason)
          : new Rejection.Unavailable(ProviderCalls.UNAVAILABLE));
    }
    return Future.succeededFuture(payment);
  }
}
