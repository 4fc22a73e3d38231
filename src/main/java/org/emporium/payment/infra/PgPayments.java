package org.emporium.payment.infra;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.emporium.payment.application.Payments;
import org.emporium.payment.application.ProviderOperation;
import org.emporium.payment.application.RefundRecord;
import org.emporium.payment.domain.Card;
import org.emporium.payment.domain.Payment;
import org.emporium.payment.domain.PaymentStatus;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** {@link Payments} in PostgreSQL, schema {@code payment}. */
public final class PgPayments implements Payments {

  private static final String COLUMNS = "id, reference, order_id, customer_id, status, failure_reason, currency, "
      + "amount, authorised, captured, refunded, refund_pending, card_brand, card_last4, provider, provider_reference, "
      + "created_at, updated_at";
  private static final String FIND = "SELECT " + COLUMNS + " FROM payment.payment WHERE id = $1";
  private static final String LOCK = FIND + " FOR UPDATE";
  private static final String INSERT = "INSERT INTO payment.payment (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8,"
      + " $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) ON CONFLICT (id) DO NOTHING";
  private static final String UPDATE = "UPDATE payment.payment SET order_id = $2, status = $3, authorised = $4, captured = $5,"
      + " refunded = $6, refund_pending = $7, updated_at = $8 WHERE id = $1";
  private static final String OPERATION = "INSERT INTO payment.provider_operation (idempotency_key, payment_id, kind, amount,"
      + " outcome, provider_reference, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)"
      + " ON CONFLICT (idempotency_key) DO NOTHING";
  private static final String REFUND = "SELECT refund_id, payment_id, amount, reason, status FROM payment.refund"
      + " WHERE refund_id = $1";
  private static final String INSERT_REFUND = "INSERT INTO payment.refund (refund_id, payment_id, amount, reason, status,"
      + " created_at) VALUES ($1, $2, $3, $4, $5, $6)";
  private static final String COMPLETE_REFUND = "UPDATE payment.refund SET status = 'succeeded' WHERE refund_id = $1"
      + " AND status = 'pending'";
  private static final String DELETE_PENDING = "DELETE FROM payment.refund WHERE refund_id = $1 AND status = 'pending'";
  private static final String WEBHOOK = "INSERT INTO payment.webhook_event (provider, event_id, type, payment_id, received_at)"
      + " VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING";

  private final Clock clock;

  public PgPayments(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<Optional<Payment>> find(SqlClient client, UUID id) {
    return client.preparedQuery(FIND).execute(Tuple.of(id)).map(PgPayments::first);
  }

  @Override
  public Future<Optional<Payment>> lock(SqlClient tx, UUID id) {
    return tx.preparedQuery(LOCK).execute(Tuple.of(id)).map(PgPayments::first);
  }

  @Override
  public Future<Boolean> insertIfAbsent(SqlClient client, Payment p) {
    Tuple row = Tuple.tuple().addUUID(p.id()).addString(p.reference()).addUUID(p.orderId()).addUUID(p.customerId())
        .addString(p.status().wire()).addString(p.failureReason()).addString(p.currency()).addLong(p.amount())
        .addLong(p.authorised()).addLong(p.captured()).addLong(p.refunded()).addLong(p.refundPending())
        .addString(p.card() == null ? null : p.card().brand()).addString(p.card() == null ? null : p.card().last4())
        .addString(p.provider()).addString(p.providerReference()).addOffsetDateTime(at(p.createdAt()))
        .addOffsetDateTime(at(p.updatedAt()));
    return client.preparedQuery(INSERT).execute(row).map(rows -> rows.rowCount() == 1);
  }

  @Override
  public Future<Void> update(SqlClient client, Payment p) {
    Tuple row = Tuple.tuple().addUUID(p.id()).addUUID(p.orderId()).addString(p.status().wire()).addLong(p.authorised())
        .addLong(p.captured()).addLong(p.refunded()).addLong(p.refundPending()).addOffsetDateTime(at(p.updatedAt()));
    return client.preparedQuery(UPDATE).execute(row).mapEmpty();
  }

  @Override
  public Future<Void> recordOperation(SqlClient client, ProviderOperation op) {
    Tuple row = Tuple.tuple().addString(op.key()).addUUID(op.paymentId()).addString(op.kind()).addLong(op.amount())
        .addString(op.outcome()).addString(op.reference()).addOffsetDateTime(now());
    return client.preparedQuery(OPERATION).execute(row).mapEmpty();
  }

  @Override
  public Future<Optional<RefundRecord>> refund(SqlClient client, String refundId) {
    return client.preparedQuery(REFUND).execute(Tuple.of(refundId)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row r = rows.iterator().next();
      return Optional.of(new RefundRecord(r.getString("refund_id"), r.getUUID("payment_id"), r.getLong("amount"),
          r.getString("reason"), "pending".equals(r.getString("status"))));
    });
  }

  @Override
  public Future<Void> insertRefund(SqlClient client, RefundRecord refund) {
    Tuple row = Tuple.tuple().addString(refund.refundId()).addUUID(refund.paymentId()).addLong(refund.amount())
        .addString(refund.reason()).addString(refund.pending() ? "pending" : "succeeded").addOffsetDateTime(now());
    return client.preparedQuery(INSERT_REFUND).execute(row).mapEmpty();
  }

  @Override
  public Future<Boolean> completeRefund(SqlClient client, String refundId) {
    return client.preparedQuery(COMPLETE_REFUND).execute(Tuple.of(refundId)).map(rows -> rows.rowCount() == 1);
  }

  @Override
  public Future<Boolean> deletePendingRefund(SqlClient client, String refundId) {
    return client.preparedQuery(DELETE_PENDING).execute(Tuple.of(refundId)).map(rows -> rows.rowCount() == 1);
  }

  @Override
  public Future<Boolean> insertWebhookEvent(SqlClient client, String provider, String eventId, String type,
      UUID paymentId) {
    Tuple row = Tuple.tuple().addString(provider).addString(eventId).addString(type).addUUID(paymentId)
        .addOffsetDateTime(now());
    return client.preparedQuery(WEBHOOK).execute(row).map(rows -> rows.rowCount() == 1);
  }

  private static Optional<Payment> first(RowSet<Row> rows) {
    if (rows.size() == 0) {
      return Optional.empty();
    }
    Row r = rows.iterator().next();
    String brand = r.getString("card_brand");
    return Optional.of(new Payment(r.getUUID("id"), r.getString("reference"), r.getUUID("order_id"),
        r.getUUID("customer_id"), PaymentStatus.ofWire(r.getString("status")), r.getString("failure_reason"),
        r.getString("currency"), r.getLong("amount"), r.getLong("authorised"), r.getLong("captured"),
        r.getLong("refunded"), r.getLong("refund_pending"), brand == null ? null : new Card(brand,
        r.getString("card_last4")), r.getString("provider"), r.getString("provider_reference"),
        r.getOffsetDateTime("created_at").toInstant(), r.getOffsetDateTime("updated_at").toInstant()));
  }

  private OffsetDateTime now() {
    return at(clock.instant());
  }

  private static OffsetDateTime at(java.time.Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
