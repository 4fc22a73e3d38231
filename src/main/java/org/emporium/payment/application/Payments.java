package org.emporium.payment.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import org.emporium.payment.domain.Payment;

import java.util.Optional;
import java.util.UUID;

/** Stored payments, refunds, provider operations and webhook events; methods join the caller's transaction. */
public interface Payments {

  Future<Optional<Payment>> find(SqlClient client, UUID id);

  /** Reads and locks the payment until the transaction ends. */
  Future<Optional<Payment>> lock(SqlClient tx, UUID id);

  /** True when inserted, false when a payment with this id exists. */
  Future<Boolean> insertIfAbsent(SqlClient client, Payment payment);

  Future<Void> update(SqlClient client, Payment payment);

  /** Records one provider call by its idempotency key (a repeat of the key is kept once). */
  Future<Void> recordOperation(SqlClient client, ProviderOperation operation);

  /** The refund with this id, if any. */
  Future<Optional<RefundRecord>> refund(SqlClient client, String refundId);

  Future<Void> insertRefund(SqlClient client, RefundRecord refund);

  /** Marks a pending refund done; false when it was not pending (another request finished it). */
  Future<Boolean> completeRefund(SqlClient client, String refundId);

  Future<Boolean> deletePendingRefund(SqlClient client, String refundId);

  /** True when the event is new, false when it was received before. */
  Future<Boolean> insertWebhookEvent(SqlClient client, String provider, String eventId, String type, UUID paymentId);
}
