package org.emporium.payment.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.emporium.payment.domain.Payment;
import org.emporium.payment.domain.Rejection;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.Transaction;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Function;

/** What every use case works with: the pool, the outbox, the stored payments and the clock. */
public record PaymentStore(Pool pool, Outbox outbox, Payments payments, Clock clock) {

  /** In PostgreSQL's precision, so a stored payment reads back as it was answered. */
  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** The payment, or a 404 rejection. */
  Future<Payment> get(UUID id) {
    return payments.find(pool, id).compose(found -> found.isPresent() ? Future.succeededFuture(found.get())
        : Rejected.fail(new Rejection.NotFound("No payment " + id + ".")));
  }

  /** Within a transaction: the payment locked, or a 404 rejection. */
  Future<Payment> locked(Transaction tx, UUID id) {
    return payments.lock(tx.connection(), id).compose(found -> found.isPresent() ? Future.succeededFuture(found.get())
        : Rejected.fail(new Rejection.NotFound("No payment " + id + ".")));
  }

  <T> Future<T> transaction(Function<Transaction, Future<T>> work) {
    return Transaction.run(pool, outbox, work);
  }

  /** Writes a changed payment with the provider call that changed it and its event, in {@code tx}. */
  Future<Payment> save(Transaction tx, Payment payment, ProviderOperation operation, String event) {
    Future<Void> recorded = operation == null ? Future.succeededFuture()
        : payments.recordOperation(tx.connection(), operation);
    return payments.update(tx.connection(), payment).compose(v -> recorded).map(v -> {
      tx.publish(PaymentEvents.of(event, payment));
      return payment;
    });
  }
}
