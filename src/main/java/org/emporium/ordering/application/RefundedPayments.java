package org.emporium.ordering.application;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.emporium.ordering.domain.Order;
import org.emporium.platform.events.CloudEvent;
import org.emporium.platform.events.Transaction;
import org.emporium.platform.events.consumer.EventHandler;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Follows the payment context's {@code payment.refunded}: the order records what its payment has
 * given back in all (a refund through the payment API, a provider's webhook, or the follow-up of a
 * cancellation), and a shipped order becomes {@code partially_refunded} or {@code refunded}. Older
 * or repeated news (a total not above the one recorded) changes nothing.
 */
public final class RefundedPayments implements EventHandler {

  public static final String TOPIC = "payment.payment.v1";
  static final String REFUNDED = "emporium.payment.payment.refunded.v1";

  private final Orders orders;
  private final Clock clock;

  public RefundedPayments(Orders orders, Clock clock) {
    this.orders = orders;
    this.clock = clock;
  }

  @Override
  public Future<Void> handle(CloudEvent event, Transaction tx) {
    JsonObject payment = event.data();
    JsonObject refunded = payment.getJsonObject("refunded");
    if (!REFUNDED.equals(event.type()) || payment.getString("orderId") == null || refunded == null) {
      return Future.succeededFuture();
    }
    UUID id = UUID.fromString(payment.getString("orderId"));
    return orders.lock(tx.connection(), id).compose(found -> {
      // an order of another region, or a payment never tied to an order here: nothing to record
      if (found.isEmpty() || !payment.getString("paymentId").equals(String.valueOf(found.get().paymentId()))) {
        return Future.succeededFuture();
      }
      Order order = found.get();
      long total = Math.min(refunded.getLong("amount"), order.totals().total());
      if (total <= order.refunded()) {
        return Future.succeededFuture();
      }
      Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
      Order recorded = order.withRefunded(total, now);
      return orders.refunded(tx.connection(), recorded).compose(v -> recorded.afterRefund()
          .map(to -> move(tx, recorded, (Order.Move.Moved) recorded.move(to, now, "payment",
              "refunded " + total + " of " + order.totals().total())))
          .orElse(Future.succeededFuture()));
    });
  }

  private Future<Void> move(Transaction tx, Order order, Order.Move.Moved moved) {
    return orders.moved(tx.connection(), moved.order(), moved.transition())
        .onSuccess(v -> OrderEvents.moved(moved.order(), moved.transition()).forEach(tx::publish));
  }
}
