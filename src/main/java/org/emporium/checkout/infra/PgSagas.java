package org.emporium.checkout.infra;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.emporium.checkout.application.SagaRecord;
import org.emporium.checkout.application.Sagas;
import org.emporium.checkout.domain.SagaState;
import org.emporium.checkout.domain.Step;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.OutboxEvent;
import org.emporium.platform.events.Transaction;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Sagas and idempotency keys in schema {@code checkout}. Every change of a saga names the lease
 * attempt it holds ({@code attempt}): a runner that lost its lease to a sweeper changes nothing.
 */
public final class PgSagas implements Sagas {

  private static final String UNFINISHED = "state IN ('running', 'compensating')";
  private static final String TAKE_KEY = "INSERT INTO checkout.idempotency AS i (scope, key, fingerprint, checkout_id, "
      + "created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (scope, key) DO UPDATE SET "
      + "fingerprint = EXCLUDED.fingerprint, checkout_id = EXCLUDED.checkout_id, response = NULL, "
      + "created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at WHERE i.expires_at <= EXCLUDED.created_at "
      + "RETURNING checkout_id";
  private static final String INSERT_SAGA = "INSERT INTO checkout.saga (id, cart_id, customer_id, scope, "
      + "idempotency_key, order_id, payment_id, reservation_id, step, state, attempt, owner, context, lease_until, "
      + "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)";
  private static final String ADVANCE = "UPDATE checkout.saga SET step = $1, state = $2, context = $3, "
      + "lease_until = $4, updated_at = $5 WHERE id = $6 AND attempt = $7 AND " + UNFINISHED;
  private static final String FINISH = "UPDATE checkout.saga SET step = $1, state = $2, context = $3, outcome = $4, "
      + "ended_at = $5, updated_at = $5 WHERE id = $6 AND attempt = $7 AND " + UNFINISHED;
  private static final String ANSWER_KEY = "UPDATE checkout.idempotency SET response = $1 "
      + "WHERE scope = $2 AND key = $3 AND checkout_id = $4";
  private static final String CLAIM = "UPDATE checkout.saga s SET attempt = s.attempt + 1, owner = $1, "
      + "lease_until = $2, updated_at = $3 FROM (SELECT id FROM checkout.saga WHERE " + UNFINISHED
      + " AND lease_until < $3 ORDER BY lease_until LIMIT $4 FOR UPDATE SKIP LOCKED) due WHERE s.id = due.id "
      + "RETURNING s.*";

  private final Pool pool;
  private final Outbox outbox;
  private final String owner;

  public PgSagas(Pool pool, Outbox outbox, String owner) {
    this.pool = pool;
    this.outbox = outbox;
    this.owner = owner;
  }

  @Override
  public Future<Start> begin(SagaRecord saga, String fingerprint, Instant now, Instant keyExpiresAt,
      Instant leaseUntil) {
    return pool.<Start>withTransaction(connection -> connection.preparedQuery(TAKE_KEY)
            .execute(Tuple.of(saga.scope(), saga.idempotencyKey(), fingerprint, saga.id(), utc(now), utc(keyExpiresAt)))
            .compose(taken -> taken.rowCount() == 0 ? held(connection, saga)
                : connection.preparedQuery(INSERT_SAGA).execute(Tuple.from(new Object[] {saga.id(), saga.cartId(),
                    saga.customerId(), saga.scope(), saga.idempotencyKey(), saga.orderId(), saga.paymentId(),
                    saga.reservationId(), saga.step().key(), saga.state().key(), saga.attempt(), owner,
                    saga.context(), utc(leaseUntil), utc(now)})).map(inserted -> (Start) new Begun(saga))))
        .recover(failure -> failure instanceof PgException pg && "23505".equals(pg.getSqlState())
            && "saga_running_cart".equals(pg.getConstraint())
            ? Future.succeededFuture(new CartBusy()) : Future.failedFuture(failure));
  }

  private static Future<Start> held(SqlConnection connection, SagaRecord saga) {
    return connection.preparedQuery("SELECT fingerprint, response FROM checkout.idempotency WHERE scope = $1 AND key = $2")
        .execute(Tuple.of(saga.scope(), saga.idempotencyKey()))
        .map(rows -> {
          Row row = rows.iterator().next();
          return new KeyHeld(row.getString("fingerprint"), (JsonObject) row.getValue("response"));
        });
  }

  @Override
  public Future<Boolean> advance(SagaRecord saga, Instant now, Instant leaseUntil) {
    return pool.preparedQuery(ADVANCE).execute(Tuple.of(saga.step().key(), saga.state().key(), saga.context(),
        utc(leaseUntil), utc(now), saga.id(), saga.attempt())).map(rows -> rows.rowCount() == 1);
  }

  @Override
  public Future<Boolean> finish(SagaRecord saga, JsonObject response, String event, JsonObject eventData,
      Instant now) {
    return Transaction.run(pool, outbox, tx -> tx.connection().preparedQuery(FINISH)
        .execute(Tuple.of(saga.step().key(), saga.state().key(), saga.context(), response, utc(now), saga.id(),
            saga.attempt()))
        .compose(rows -> {
          if (rows.rowCount() == 0) {
            return Future.succeededFuture(false);
          }
          tx.publish(OutboxEvent.of("checkout", saga.id().toString(), event, eventData));
          // an ended saga gives nothing back any more: its purchase claims are done with
          return tx.connection().preparedQuery(ANSWER_KEY)
              .execute(Tuple.of(response, saga.scope(), saga.idempotencyKey(), saga.id()))
              .compose(answered -> tx.connection().preparedQuery("DELETE FROM checkout.purchase_claim "
                  + "WHERE checkout_id = $1").execute(Tuple.of(saga.id()))).map(true);
        }));
  }

  @Override
  public Future<List<SagaRecord>> claimExpired(String claimer, Instant now, Instant leaseUntil, int limit) {
    return pool.preparedQuery(CLAIM).execute(Tuple.of(claimer, utc(leaseUntil), utc(now), limit)).map(PgSagas::sagas);
  }

  @Override
  public Future<Integer> purge(Instant now, Instant endedBefore, int limit) {
    Future<Integer> keys = pool.preparedQuery("WITH gone AS (DELETE FROM checkout.idempotency WHERE ctid IN "
        + "(SELECT ctid FROM checkout.idempotency WHERE expires_at < $1 LIMIT $2) RETURNING 1) SELECT count(*) FROM gone")
        .execute(Tuple.of(utc(now), limit)).map(PgSagas::count);
    return keys.compose(k -> pool.preparedQuery("WITH gone AS (DELETE FROM checkout.saga WHERE id IN "
            + "(SELECT id FROM checkout.saga WHERE ended_at < $1 LIMIT $2) RETURNING 1) SELECT count(*) FROM gone")
        .execute(Tuple.of(utc(endedBefore), limit)).map(rows -> k + count(rows)));
  }

  private static int count(RowSet<Row> rows) {
    return rows.iterator().next().getLong(0).intValue();
  }

  private static List<SagaRecord> sagas(RowSet<Row> rows) {
    List<SagaRecord> sagas = new ArrayList<>();
    for (Row row : rows) {
      sagas.add(new SagaRecord(row.getUUID("id"), row.getUUID("cart_id"), row.getUUID("customer_id"),
          row.getString("scope"), row.getString("idempotency_key"), row.getUUID("order_id"), row.getUUID("payment_id"),
          row.getUUID("reservation_id"), Step.ofKey(row.getString("step")), SagaState.ofKey(row.getString("state")),
          row.getInteger("attempt"), (JsonObject) row.getValue("context")));
    }
    return sagas;
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
