package org.emporium.pricing.application;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.OutboxEvent;
import org.emporium.platform.events.Transaction;
import org.emporium.pricing.domain.CouponCheck;
import org.emporium.pricing.domain.CouponCodes;
import org.emporium.pricing.domain.Promotion;
import org.emporium.pricing.domain.PromotionRejection;
import org.emporium.pricing.domain.RecordedOrder;
import org.emporium.pricing.domain.Redeemed;
import org.emporium.pricing.domain.Refusal;
import org.emporium.pricing.domain.Shopper;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Counts an order's coupons against their limits, all codes or none, once per order id; and gives the
 * uses back when the order is released. Each limit is enforced by the conditional statement that raises
 * its counter, inside one transaction per order, so concurrent checkouts never exceed a limit.
 */
public final class RedeemingCoupons {

  public static final String TOPIC = "pricing.redemption.v1";

  private final Pool pool;
  private final Outbox outbox;
  private final Promotions promotions;
  private final Redemptions redemptions;
  private final Clock clock;

  public RedeemingCoupons(Pool pool, Outbox outbox, Promotions promotions, Redemptions redemptions, Clock clock) {
    this.pool = pool;
    this.outbox = outbox;
    this.promotions = promotions;
    this.redemptions = redemptions;
    this.clock = clock;
  }

  /** The order's redeemed coupons; a repeat answers the first outcome; a released order is a conflict. */
  public Future<RecordedOrder> redeem(RedeemCommand command) {
    Instant now = clock.instant();
    UUID customer = command.customerId().orElse(null);
    return Transaction.run(pool, outbox, tx -> redemptions.claim(tx.connection(), command.orderId(), customer,
            command.currency().getCurrencyCode(), now)
        .compose(claimed -> claimed ? redeemNew(tx, command, now) : earlier(tx.connection(), command.orderId())));
  }

  /** Gives back what the order redeemed; nothing happens for an order released before. */
  public Future<Void> release(UUID orderId) {
    return Transaction.run(pool, outbox, tx -> redemptions.release(tx.connection(), orderId, clock.instant())
        .compose(released -> released.isEmpty() ? Future.succeededFuture()
            : redemptions.giveBack(tx.connection(), released.get()).onSuccess(done -> {
              if (!released.get().redeemed().isEmpty()) {
                tx.publish(event("redemption.released", released.get(), null));
              }
            })))
        .mapEmpty();
  }

  private Future<RecordedOrder> earlier(SqlClient client, UUID orderId) {
    return redemptions.order(client, orderId).map(found -> {
      RecordedOrder order = found.orElseThrow();
      if (order.released()) {
        throw new PromotionRejected(new PromotionRejection.Conflict(
            "The coupons of order " + orderId + " were given back; the order cannot redeem again.", List.of()));
      }
      return order;
    });
  }

  private Future<RecordedOrder> redeemNew(Transaction tx, RedeemCommand command, Instant now) {
    SqlClient client = tx.connection();
    Optional<UUID> customer = command.customerId();
    Future<Integer> prior = customer.map(id -> redemptions.countOrder(client, id).map(n -> n - 1))
        .orElse(Future.succeededFuture(0));
    return prior.compose(orders -> check(client, command, orders, now))
        .compose(outcome -> outcome.refusals().isEmpty() ? take(client, customer, outcome.accepted())
            : Future.failedFuture(refused(outcome.refusals())))
        .compose(redeemed -> redemptions.complete(client, command.orderId(), customer.orElse(null), redeemed)
            .map(done -> {
              RecordedOrder order = new RecordedOrder(command.orderId(), customer, redeemed, false);
              if (!redeemed.isEmpty()) {
                tx.publish(event("redemption.recorded", order, command.currency().getCurrencyCode()));
              }
              return order;
            }));
  }

  /** Every condition, on the state this transaction sees; {@code orders} are the customer's before this one. */
  private Future<CouponCheck.Outcome> check(SqlClient client, RedeemCommand command, int orders, Instant now) {
    List<String> lookups = command.codes().stream().map(CouponCodes::normalise).filter(CouponCodes::isValid)
        .distinct().toList();
    Future<Map<String, Promotion>> found = lookups.isEmpty() ? Future.succeededFuture(Map.of())
        : promotions.byCodes(client, lookups);
    return found.compose(byCode -> uses(client, command.customerId(), byCode).map(uses ->
        new CouponCheck(command.currency().getCurrencyCode(), now, new Shopper(command.customerId(), orders, uses),
            Optional.of(command.lines())).check(command.codes(), byCode)));
  }

  private Future<Map<UUID, Integer>> uses(SqlClient client, Optional<UUID> customer, Map<String, Promotion> byCode) {
    if (customer.isEmpty() || byCode.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return redemptions.uses(client, customer.get(), byCode.values().stream().map(Promotion::id).distinct().toList());
  }

  /** Raises each counter in promotion id order (so two orders never wait on each other in a cycle). */
  private Future<List<Redeemed>> take(SqlClient client, Optional<UUID> customer, List<CouponCheck.Accepted> accepted) {
    List<CouponCheck.Accepted> ordered = accepted.stream()
        .sorted(Comparator.comparing((CouponCheck.Accepted a) -> a.promotion().id())).toList();
    Future<Void> chain = Future.succeededFuture();
    for (CouponCheck.Accepted coupon : ordered) {
      UUID id = coupon.promotion().id();
      chain = chain.compose(done -> redemptions.takeUse(client, id)).compose(taken -> taken ? Future.succeededFuture()
          : Future.failedFuture(refused(List.of(new Refusal(coupon.index(), Refusal.Reason.EXHAUSTED,
              coupon.code() + " has been used up.")))));
      if (customer.isPresent()) {
        Integer limit = coupon.promotion().definition().limits().perCustomer();
        chain = chain.compose(done -> redemptions.takeCustomerUse(client, id, customer.get(), limit))
            .compose(taken -> taken ? Future.succeededFuture() : Future.failedFuture(refused(List.of(new Refusal(
                coupon.index(), Refusal.Reason.CUSTOMER_LIMIT, coupon.code() + " has been used by this customer "
                + "as often as it may.")))));
      }
    }
    return chain.map(done -> accepted.stream().map(a -> new Redeemed(a.code(), a.promotion().id())).toList());
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
