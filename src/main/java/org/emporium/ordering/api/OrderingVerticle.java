package org.emporium.ordering.api;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import org.emporium.ordering.application.CancelledOrders;
import org.emporium.ordering.application.OrderEvents;
import org.emporium.ordering.application.OrderSettings;
import org.emporium.ordering.application.Placing;
import org.emporium.ordering.application.Reading;
import org.emporium.ordering.application.RefundedPayments;
import org.emporium.ordering.application.Transitioning;
import org.emporium.ordering.infra.BusCompensations;
import org.emporium.ordering.infra.PgOrders;
import org.emporium.platform.eventbus.BusEndpoints;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.consumer.EventConsumer;
import org.emporium.platform.events.live.LiveEvents;
import org.emporium.platform.events.live.LiveRoute;
import org.emporium.platform.node.Platform;

import java.util.Set;

/**
 * The ordering context: orders on the {@code ordering.*} addresses, the follow-up of cancelled paid
 * orders (refund, restock, coupons back) and the live feed of a customer's order updates on
 * {@code emporium.orders.<customerId>}.
 */
public final class OrderingVerticle extends VerticleBase {

  private static final String CONTEXT = "ordering";

  private final Platform platform;
  private EventConsumer cancellations;
  private EventConsumer refunds;
  private LiveEvents live;

  public OrderingVerticle(Platform platform) {
    this.platform = platform;
  }

  @Override
  public Future<?> start() {
    OrderSettings settings = OrderSettings.from(platform.config());
    Pool pool = platform.clients().postgres(vertx, CONTEXT);
    Outbox outbox = new Outbox(CONTEXT, platform.region(), platform.ids(), platform.clock());
    PgOrders orders = new PgOrders();
    OrderEndpoints endpoints = new OrderEndpoints(new Placing(pool, outbox, orders),
        new Transitioning(pool, outbox, orders, platform.clock()), new Reading(pool, orders), settings,
        platform.clock());
    BusEndpoints bus = new BusEndpoints(vertx, OrderProblems::of)
        .serve("ordering.place", endpoints::place)
        .serve("ordering.markPaid", endpoints::markPaid)
        .serve("ordering.cancel", endpoints::cancelEither)
        .forwarded("ordering.list", endpoints::listOrders)
        .forwarded("ordering.get", endpoints::getOrder)
        .forwarded("ordering.transition", endpoints::transitionOrder);
    cancellations = EventConsumer.builder(vertx, platform).context(CONTEXT).name("cancellations")
        .topics(OrderEvents.TOPIC)
        .handler(new CancelledOrders(orders, new BusCompensations(vertx, settings.followUpTimeoutMs()),
            platform.clock()))
        .build();
    refunds = EventConsumer.builder(vertx, platform).context(CONTEXT).name("refunds")
        .topics(RefundedPayments.TOPIC)
        .handler(new RefundedPayments(orders, platform.clock()))
        .build();
    live = LiveEvents.builder(vertx, platform).name("orders").topics(OrderEvents.TOPIC)
        .route(LiveRoute.forTypes(Set.of(OrderEvents.CREATED, OrderEvents.PAID, OrderEvents.CANCELLED,
            OrderEvents.STATUS_CHANGED), event -> {
              String customerId = event.data().getString("customerId");
              return customerId == null ? null : "emporium.orders." + customerId;
            }))
        .build();
    return bus.registered().compose(v -> cancellations.start()).compose(v -> refunds.start())
        .compose(v -> live.start());
  }

  @Override
  public Future<?> stop() {
    Future<Void> stopped = live == null ? Future.succeededFuture() : live.stop();
    return stopped.eventually(() -> cancellations == null ? Future.succeededFuture() : cancellations.stop())
        .eventually(() -> refunds == null ? Future.succeededFuture() : refunds.stop());
  }
}
