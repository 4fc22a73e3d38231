package org.emporium.pricing.application;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.OutboxEvent;
import org.emporium.pricing.domain.CouponCheck;
import org.emporium.pricing.domain.PromotionRejection;
import org.emporium.pricing.domain.RecordedOrder;
import org.emporium.pricing.domain.Redeemed;
import org.emporium.pricing.domain.Refusal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Counts an order's coupons against their limits, all codes or none, once per order id; gives the
 * uses back when the order is released. Every condition is checked first on what the pool reads;
 * the limits are then enforced by the one statement that raises the counters, so concurrent
 * checkouts never exceed one.
 */
public final class RedeemingCoupons {


  private final Pool pool;
  private final Outbox outbox;
  private final Redemptions redemptions;
  private final CouponLookup lookup;
  private final Clock clock;

  public RedeemingCoupons(Pool pool, Outbox outbox, Promotions promotions, Redemptions redemptions, Clock clock) {
    this.pool = pool;
    this.outbox = outbox;
    this.redemptions = redemptions;
    this.lookup = new CouponLookup(promotions, redemptions);
    this.clock = clock;
  }

  /** The order's redeemed coupons; a repeat answers the first outcome; a released order is a conflict. */
  public Future<RecordedOrder> redeem(RedeemCommand command) {
    Instant now = clock.instant();
    return redemptions.order(pool, command.orderId()).compose(recorded -> recorded.isPresent()
        ? Future.succeededFuture(earlier(recorded.get()))
        : lookup.check(pool, command.codes(), command.customerId(), command.currency().getCurrencyCode(), now,
            Optional.of(command.lines())).compose(outcome -> outcome.refusals().isEmpty()
            ? count(command, outcome.accepted(), now) : Future.failedFuture(refused(outcome.refusals()))));
  }

  /** Gives back what the order redeemed; nothing happens for an order released before. */
  public Future<Void> release(UUID orderId) {
    return redemptions.order(pool, orderId).compose(recorded -> {
      OutboxEvent event = recorded.filter(order -> !order.released() && !order.redeemed().isEmpty())
          .map(order -> event("redemption.released", order, null)).orElse(null);
      return redemptions.release(pool, orderId, clock.instant(), event).onSuccess(released -> {
        if (released && event != null) {
          outbox.committed(pool);
        }
      });
    }).mapEmpty();
  }

  private Future<RecordedOrder> count(RedeemCommand command, List<CouponCheck.Accepted> accepted, Instant now) {
    RecordedOrder order = new RecordedOrder(command.orderId(), command.customerId(),
        accepted.stream().map(a -> new Redeemed(a.code(), a.promotion().id())).toList(), false);
    String currency = command.currency().getCurrencyCode();
    OutboxEvent event = accepted.isEmpty() ? null : event("redemption.recorded", order, currency);
    return redemptions.redeem(pool, order, currency, now, accepted, event).compose(counted -> {
      if (counted.duplicate()) {
        return redemptions.order(pool, command.orderId()).map(recorded -> earlier(recorded.orElseThrow()));
      }
      if (!counted.redeemed()) {
        CouponCheck.Accepted coupon = accepted.stream().filter(a -> a.index() == counted.index()).findFirst()
            .orElseThrow();
        return Future.failedFuture(refused(List.of(CouponCheck.limitReached(counted.limit(), coupon))));
      }
      if (event != null) {
        outbox.committed(pool);
      }
      return Future.succeededFuture(order);
    });
  }

  private static RecordedOrder earlier(RecordedOrder order) {
    if (order.released()) {
      throw new PromotionRejected(new PromotionRejection.Conflict("The coupons of order " + order.orderId()
          + " were given back; the order cannot redeem again.", List.of()));
    }
    return order;
  }

  private static PromotionRejected refused(List<Refusal> refusals) {
    return new PromotionRejected(PromotionRejection.Refused.of("/codes", true, refusals));
  }

  private static OutboxEvent event(String name, RecordedOrder order, String currency) {
    JsonArray coupons = new JsonArray();
    order.redeemed().forEach(r -> coupons.add(new JsonObject().put("code", r.code())
        .put("promotionId", r.promotionId().toString())));
    JsonObject data = new JsonObject().put("orderId", order.orderId().toString())
        .put("customerId", order.customerId().map(UUID::toString).orElse(null)).put("coupons", coupons);
    if (currency != null) {
      data.put("currency", currency);
    }
    return OutboxEvent.of("redemption", order.orderId().toString(), name, data);
  }
}
