package org.emporium.ordering.application;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.emporium.ordering.domain.Order;
import org.emporium.platform.events.CloudEvent;
import org.emporium.platform.events.Transaction;
import org.emporium.platform.events.consumer.EventHandler;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The follow-up of {@code order.cancelled} for a paid order: refund, restock, coupons back, then the
 * refund recorded on the order, in the consumer's transaction. A failing step fails the attempt and
 * the consumer retries the whole; every step is idempotent, so a retry repeats nothing.
 */
public final class CancelledOrders implements EventHandler {

  private final Orders orders;
  private final Compensations compensations;
  private final Clock clock;

  public CancelledOrders(Orders orders, Compensations compensations, Clock clock) {
    this.orders = orders;
    this.compensations = compensations;
    this.clock = clock;
  }

  @Override
  public Future<Void> handle(CloudEvent event, Transaction tx) {
    JsonObject data = event.data();
    if (!OrderEvents.CANCELLED.equals(event.type()) || !data.getBoolean("paid", false)) {
      return Future.succeededFuture();
    }
    UUID id = UUID.fromString(data.getString("orderId"));
    // read without a lock: the calls below may take their whole timeouts, and a cancelled order only
    // changes here; the row is locked just for recording the refund
    return orders.find(tx.connection(), id).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(new IllegalStateException("order " + id + " of event " + event.id() + " is missing"));
      }
      Order order = found.get();
      if (order.refunded() >= order.totals().total() || order.paymentId() == null) {
        return Future.succeededFuture();
      }
      String reason = data.getString("reason", "order cancelled");
      return compensations.refund(order.paymentId(), order.id(), reason)
          .compose(refunded -> restock(order).compose(v -> compensations.releaseCoupons(order.id()))
              .compose(v -> orders.lock(tx.connection(), id))
              .compose(locked -> orders.refunded(tx.connection(), locked.orElseThrow().withRefunded(
                  Math.min(refunded, order.totals().total()), clock.instant().truncatedTo(ChronoUnit.MICROS)))));
    });
  }

  private Future<Void> restock(Order order) {
    return order.reservationId() == null ? Future.succeededFuture() : compensations.restock(order.reservationId());
  }
}
