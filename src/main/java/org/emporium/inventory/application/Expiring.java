package org.emporium.inventory.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.emporium.inventory.domain.ReservationStatus;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.Transaction;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The sweeper: releases reservations whose time ran out (status {@code expired}) and publishes
 * {@code reservation.expired}. Safe with a sweeper on every node: the status change is conditional,
 * so only one of them releases a reservation's stock. It also deletes reservations that ended
 * without a sale once they are older than the retention; sold ones stay (a return needs them).
 */
public final class Expiring {

  private static final String ACTOR = "sweeper";

  private final Pool pool;
  private final Outbox outbox;
  private final Reservations reservations;
  private final Clock clock;
  private final int batch;
  private final Duration retention;

  public Expiring(Pool pool, Outbox outbox, Reservations reservations, Clock clock, int batch, Duration retention) {
    this.pool = pool;
    this.outbox = outbox;
    this.reservations = reservations;
    this.clock = clock;
    this.batch = batch;
    this.retention = retention;
  }

  /** One round: how many reservations this call expired. */
  public Future<Integer> sweep() {
    return reservations.due(pool, clock.instant(), batch).compose(this::expireAll);
  }

  /** One round of the purge: how many ended reservations past the retention this call deleted. */
  public Future<Integer> purge() {
    return reservations.purgeEnded(pool, clock.instant().minus(retention), batch * 10);
  }

  private Future<Integer> expireAll(List<UUID> due) {
    Future<Integer> expired = Future.succeededFuture(0);
    for (UUID id : due) {
      expired = expired.compose(count -> expire(id).map(changed -> changed ? count + 1 : count));
    }
    return expired;
  }

  private Future<Boolean> expire(UUID id) {
    return Transaction.run(pool, outbox, tx -> reservations.finish(tx.connection(), id, ReservationStatus.EXPIRED,
        null, ACTOR, clock.instant()).map(found -> {
          boolean changed = found.isPresent() && found.get().changed();
          if (changed) {
            tx.publish(InventoryEvents.ended(id, found.get().reference(), ReservationStatus.EXPIRED));
          }
          return changed;
        }));
  }
}
