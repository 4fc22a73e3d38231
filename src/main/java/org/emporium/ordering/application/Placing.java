package org.emporium.ordering.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.emporium.ordering.domain.Order;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.Transaction;

/**
 * Records the order checkout built from its quote, as {@code pending}, with {@code order.created}.
 * Idempotent by order id: a repeat (the saga retrying after a lost reply) answers the stored order.
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
    return Transaction.run(pool, outbox, tx -> orders.insert(tx.connection(), order).compose(inserted -> {
      if (inserted) {
        tx.publish(OrderEvents.created(order));
        return Future.succeededFuture(order);
      }
      return orders.find(tx.connection(), order.id()).map(found -> found.orElseThrow());
    }));
  }
}
