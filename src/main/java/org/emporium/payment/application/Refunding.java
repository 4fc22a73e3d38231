package org.emporium.payment.application;

import io.vertx.core.Future;
import org.emporium.payment.domain.Payment;
import org.emporium.payment.domain.Rejection;
import org.emporium.payment.domain.Violation;
import org.emporium.platform.events.Transaction;

import java.util.List;
import java.util.UUID;

/**
 * {@code payment.refund}, idempotent per refund id. The amount is set aside under the payment's
 * row lock before the provider is asked, so concurrent refunds can never add up to more than the
 * capture (the table's check constraint says the same); it is booked when the provider approves
 * and given back when it does not.
 */
public final class Refunding {

  /** {@code amount} null: everything captured and not refunded yet; {@code currency} null: the payment's. */
  public record Command(UUID paymentId, String refundId, Long amount, String currency, String reason) {
  }

  /** The payment after the first step, and the refund still to ask the provider for (null: done). */
  private record Started(Payment payment, RefundRecord refund, boolean created) {
  }

  private final PaymentStore store;
  private final ProviderCalls calls;

  public Refunding(PaymentStore store, PaymentProvider provider) {
    this.store = store;
    this.calls = new ProviderCalls(provider, store);
  }

  public Future<Payment> refund(Command command) {
    return store.transaction(tx -> store.locked(tx, command.paymentId()).compose(payment ->
            store.payments().refund(tx.connection(), command.refundId()).compose(existing -> {
              if (existing.isEmpty()) {
                return start(tx, payment, command);
              }
              RefundRecord refund = existing.get();
              if (!refund.paymentId().equals(payment.id())) {
                return Rejected.fail(new Rejection.Conflict("Refund " + command.refundId()
                    + " belongs to another payment."));
              }
              return Future.succeededFuture(new Started(payment, refund.pending() ? refund : null, false));
            })))
        .compose(started -> started.refund() == null ? Future.succeededFuture(started.payment()) : ask(started));
  }

  private Future<Started> start(Transaction tx, Payment payment, Command command) {
    if (command.currency() != null && !command.currency().equals(payment.currency())) {
      return Rejected.fail(new Rejection.Invalid(List.of(new Violation("/amount/currency",
          "must be the payment's currency, " + payment.currency()))));
    }
    long sum = command.amount() != null ? command.amount() : payment.refundable();
    Rejection refusal = payment.refundRefusal(sum);
    if (refusal != null) {
      return Rejected.fail(refusal);
    }
    RefundRecord refund = new RefundRecord(command.refundId(), payment.id(), sum, command.reason(), true);
    Payment setAside = payment.refundStarted(sum, store.now());
    return store.payments().update(tx.connection(), setAside)
        .compose(v -> store.payments().insertRefund(tx.connection(), refund))
        .map(v -> new Started(setAside, refund, true));
  }

  private Future<Payment> ask(Started started) {
    RefundRecord refund = started.refund();
    UUID id = refund.paymentId();
    String key = IdempotencyKeys.refund(id, refund.refundId());
    String authorisation = started.payment().providerReference();
    return ProviderCalls.approved(calls.provider().refund(key, authorisation, refund.amount()))
        .compose(approved -> store.transaction(tx -> store.locked(tx, id).compose(payment ->
            store.payments().completeRefund(tx.connection(), refund.refundId()).compose(completed -> !completed
                ? Future.succeededFuture(payment)
                : store.save(tx, payment.refundDone(refund.amount(), true, store.now()), new ProviderOperation(key, id,
                    "refund", refund.amount(), "approved", approved.reference()), "refunded")))))
        .recover(failure -> started.created() ? abandon(refund).compose(v -> Future.failedFuture(failure))
            : Future.failedFuture(failure));
  }

  /** Gives the set-aside amount back after the provider did not refund. */
  private Future<Void> abandon(RefundRecord refund) {
    return store.transaction(tx -> store.locked(tx, refund.paymentId()).compose(payment ->
        store.payments().deletePendingRefund(tx.connection(), refund.refundId()).compose(deleted -> deleted
            ? store.payments().update(tx.connection(), payment.refundAbandoned(refund.amount(), store.now()))
            : Future.<Void>succeededFuture())));
  }
}
