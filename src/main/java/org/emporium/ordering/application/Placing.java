package org.emporium.ordering.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.emporium.ordering.domain.Order;
import org.emporium.ordering.domain.Rejection;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.Transaction;

/**
 * Records the order checkout built from its quote, as {@code pending}, with {@code order.created}.
 * Idempotent by order id: a repeat (the saga retrying after a lost reply) answers the stored order.
 * A place that arrives after checkout cancelled its id (the request outlived its timeout) is
 * refused, so it leaves no pending order behind.
 */
public final class Placing {

  private final Pool pool;
  private final Outbox outbox;
  private final Orders orders;

  public Placing(Pool pool, Outbox outbox, Orders orders) {
    this.pool = pool;
    this.outbox = outbox;
    this.orders = orders;
  }

  public Future<Order> place(Order order) {
    return Transaction.run(pool, outbox, tx -> orders.guard(tx.connection(), order.id())
        .compose(v -> orders.insert(tx.connection(), order)).compose(inserted -> {
          if (inserted) {
            tx.publish(OrderEvents.created(order));
            return Future.succeededFuture(order);
          }
          return orders.find(tx.connection(), order.id()).compose(found -> found.isPresent()
              ? Future.succeededFuture(found.get())
              : Future.failedFuture(new Rejected(new Rejection.Conflict(
                  "Order " + order.id() + " was cancelled by its checkout before it was placed."))));
        }));
  }
}
