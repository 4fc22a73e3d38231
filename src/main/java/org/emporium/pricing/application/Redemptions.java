package org.emporium.pricing.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import org.emporium.pricing.domain.RecordedOrder;
import org.emporium.pricing.domain.Redeemed;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Orders that redeemed coupons, the usage counters they raised and the per-customer order counts.
 * Every counter changes by a conditional statement on its own row, so limits hold without locks.
 */
public interface Redemptions {

  /** Records the order; false when it was recorded before (then its first outcome stands). */
  Future<Boolean> claim(SqlClient client, UUID orderId, UUID customerId, String currency, Instant now);

  Future<Optional<RecordedOrder>> order(SqlClient client, UUID orderId);

  /** Counts one more order of the customer; the count including it (1: a first order). */
  Future<Integer> countOrder(SqlClient client, UUID customerId);

  /** The customer's orders (redeemed, not released) so far. */
  Future<Integer> orders(SqlClient client, UUID customerId);

  /** How often the customer redeemed each of the promotions. */
  Future<Map<UUID, Integer>> uses(SqlClient client, UUID customerId, Collection<UUID> promotionIds);

  /** One more use of an active promotion if below its limit; false when used up (or inactive). */
  Future<Boolean> takeUse(SqlClient client, UUID promotionId);

  /** One more use by the customer if below {@code limit} (null: no limit); false at the limit. */
  Future<Boolean> takeCustomerUse(SqlClient client, UUID promotionId, UUID customerId, Integer limit);

  /** Stores what the order redeemed. */
  Future<Void> complete(SqlClient client, UUID orderId, UUID customerId, List<Redeemed> redeemed);

  /**
   * Marks the order released and removes its redemptions, returning it as it was; empty when it was
   * released before or never recorded (then a marker keeps a late redemption of it from counting).
   */
  Future<Optional<RecordedOrder>> release(SqlClient client, UUID orderId, Instant now);

  /** Gives back what a released order took: its uses, the customer's uses and order. */
  Future<Void> giveBack(SqlClient client, RecordedOrder order);
}
