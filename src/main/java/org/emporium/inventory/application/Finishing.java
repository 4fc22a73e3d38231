package org.emporium.inventory.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.emporium.inventory.domain.Rejection;
import org.emporium.inventory.domain.Reservation;
import org.emporium.inventory.domain.ReservationStatus;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.Transaction;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

/**
 * Commit (the units are sold), release (compensation or cancellation) and restock (a committed
 * reservation's units come back on hand), all idempotent: a repeat finds the reservation already
 * in the wanted state and answers it again; a contradiction (committing a released reservation,
 * releasing a committed one, restocking one that was never sold) is a conflict.
 */
public final class Finishing {

  private static final Set<ReservationStatus> RELEASED = Set.of(ReservationStatus.RELEASED, ReservationStatus.EXPIRED,
      ReservationStatus.REJECTED);

  private final Pool pool;
  private final Outbox outbox;
  private final Reservations reservations;
  private final Clock clock;

  public Finishing(Pool pool, Outbox outbox, Reservations reservations, Clock clock) {
    this.pool = pool;
    this.outbox = outbox;
    this.reservations = reservations;
    this.clock = clock;
  }

  public Future<Reservation> commit(UUID id, String actor) {
    return finish(id, ReservationStatus.COMMITTED, Set.of(ReservationStatus.COMMITTED), actor);
  }

  public Future<Reservation> release(UUID id, String actor) {
    return finish(id, ReservationStatus.RELEASED, RELEASED, actor);
  }

  public Future<Reservation> restock(UUID id, String actor) {
    return finish(id, ReservationStatus.RETURNED, Set.of(ReservationStatus.RETURNED), actor);
  }

  private Future<Reservation> finish(UUID id, ReservationStatus to, Set<ReservationStatus> done, String actor) {
    return Transaction.run(pool, outbox, tx -> reservations.finish(tx.connection(), id, to, null, actor, clock.instant())
        .compose(found -> {
          if (found.isEmpty()) {
            return Future.failedFuture(new Rejected(new Rejection.NotFound("No reservation " + id + ".")));
          }
          Reservations.Finish finish = found.get();
          if (finish.changed()) {
            tx.publish(InventoryEvents.ended(id, finish.reference(), to));
          } else if (!done.contains(finish.status())) {
            return Future.failedFuture(new Rejected(new Rejection.Conflict(
                "The reservation is " + finish.status().code() + "; it cannot become " + to.code() + ".")));
          }
          return Future.succeededFuture();
        }))
        .compose(finished -> reservations.find(pool, id))
        .map(found -> found.orElseThrow());
  }
}
