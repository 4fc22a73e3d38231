package org.emporium.pricing.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import org.emporium.platform.events.OutboxEvent;
import org.emporium.pricing.domain.CouponCheck;
import org.emporium.pricing.domain.RecordedOrder;
import org.emporium.pricing.domain.Refusal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Orders that redeemed coupons, the usage counters they raised and the per-customer order counts.
 * Redeeming and releasing are one statement each: every counter changes by a conditional update of
 * its own row, so limits hold under any concurrency without locks held across round trips.
 */
public interface Redemptions {

  /** What counting an order's coupons did: redeemed them, found the order recorded before, or hit a limit. */
  record Counted(boolean duplicate, Refusal.Reason limit, int index) {

    public static final Counted REDEEMED = new Counted(false, null, -1);
    public static final Counted DUPLICATE = new Counted(true, null, -1);

    public boolean redeemed() {
      return !duplicate && limit == null;
    }
  }

  Future<Optional<RecordedOrder>> order(SqlClient client, UUID orderId);

  /** The customer's orders (redeemed, not released) so far. */
  Future<Integer> orders(SqlClient client, UUID customerId);

  /** How often the customer redeemed each of the promotions. */
  Future<Map<UUID, Integer>> uses(SqlClient client, UUID customerId, Collection<UUID> promotionIds);

  /**
   * Records the order and raises every counter of its accepted coupons, all or nothing, writing
   * {@code event} (nullable) with them.
   */
  Future<Counted> redeem(SqlClient client, RecordedOrder order, String currency, Instant now,
      List<CouponCheck.Accepted> accepted, OutboxEvent event);

  /**
   * Marks the order released and gives back what it took, writing {@code event} (nullable) when it had
   * coupons; false when it was released before or never recorded (then a marker keeps a late
   * redemption of it from counting).
   */
  Future<Boolean> release(SqlClient client, UUID orderId, Instant now, OutboxEvent event);
}
