package org.emporium.ordering.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.emporium.ordering.domain.Order;
import org.emporium.ordering.domain.OrderStatus;
import org.emporium.ordering.domain.Rejection;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.Transaction;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Moves orders along the transition table, one locked row per transaction with its history entry
 * and events. Every move is idempotent: a repeat finds the order already there and answers it.
 * An order the viewer may not see is "not found".
 */
public final class Transitioning {

  private final Pool pool;
  private final Outbox outbox;
  private final Orders orders;
  private final Clock clock;

  public Transitioning(Pool pool, Outbox outbox, Orders orders, Clock clock) {
    this.pool = pool;
    this.outbox = outbox;
    this.orders = orders;
    this.clock = clock;
  }

  /** The saga's capture went through; the payment must be the order's. */
  public Future<Order> markPaid(UUID id, UUID paymentId, String actor) {
    return change(id, Viewer.system(actor), OrderStatus.PAID, "payment captured",
        order -> paymentId.equals(order.paymentId()) ? Optional.empty() : Optional.of(new Rejection.Conflict(
            "The order is paid by payment " + order.paymentId() + ", not " + paymentId + ".")),
        order -> order.status().reachedPayment());
  }

  /** Cancels before shipping; a paid order's refund follows ({@link CancelledOrders}). */
  public Future<Order> cancel(UUID id, Viewer viewer, String reason) {
    return change(id, viewer, OrderStatus.CANCELLED, reason, order -> Optional.empty(),
        order -> order.status() == OrderStatus.CANCELLED);
  }

  /**
   * The checkout's compensation: as {@link #cancel}, and when no order of that id exists yet (its
   * place may still be on its way) a tombstone makes a late place refuse; still "not found".
   */
  public Future<Order> cancelForCheckout(UUID id, String actor, String reason) {
    Viewer viewer = Viewer.system(actor);
    return Transaction.run(pool, outbox, tx -> orders.guard(tx.connection(), id)
        .compose(v -> orders.lock(tx.connection(), id))
        .compose(found -> found.isPresent()
            ? apply(tx, id, found, viewer, OrderStatus.CANCELLED, reason, order -> Optional.empty(),
                order -> order.status() == OrderStatus.CANCELLED).map(Optional::of)
            : orders.tombstone(tx.connection(), id, clock.instant().truncatedTo(ChronoUnit.MICROS), actor, reason)
                .map(v -> Optional.<Order>empty())))
        .compose(cancelled -> cancelled.isPresent() ? Future.succeededFuture(cancelled.get())
            : Future.failedFuture(new Rejected(new Rejection.NotFound("No order " + id + "."))));
  }

  /** A manager moves the order on (fulfilling, shipped, delivered, ...). */
  public Future<Order> advance(UUID id, Viewer viewer, OrderStatus to, String note) {
    return change(id, viewer, to, note, order -> Optional.empty(), order -> order.status() == to);
  }

  private Future<Order> change(UUID id, Viewer viewer, OrderStatus to, String reason,
      Function<Order, Optional<Rejection>> guard, Predicate<Order> done) {
    return Transaction.run(pool, outbox, tx -> orders.lock(tx.connection(), id)
        .compose(found -> apply(tx, id, found, viewer, to, reason, guard, done)));
  }

  private Future<Order> apply(Transaction tx, UUID id, Optional<Order> found, Viewer viewer, OrderStatus to, String reason,
      Function<Order, Optional<Rejection>> guard, Predicate<Order> done) {
    if (found.isEmpty() || !viewer.sees(found.get())) {
      return Future.failedFuture(new Rejected(new Rejection.NotFound("No order " + id + ".")));
    }
    Order order = found.get();
    Optional<Rejection> refused = guard.apply(order);
    if (refused.isPresent()) {
      return Future.failedFuture(new Rejected(refused.get()));
    }
    if (done.test(order)) {
      return Future.succeededFuture(order);
    }
    Order.Move move = order.move(to, clock.instant().truncatedTo(ChronoUnit.MICROS), viewer.actor(), reason);
    if (move instanceof Order.Move.Refused no) {
      return Future.failedFuture(new Rejected(no.conflict()));
    }
    Order.Move.Moved moved = (Order.Move.Moved) move;
    return orders.moved(tx.connection(), moved.order(), moved.transition()).map(v -> {
      OrderEvents.moved(moved.order(), moved.transition()).forEach(tx::publish);
      return moved.order();
    });
  }
}
