package org.emporium.pricing.infra;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.emporium.pricing.application.Redemptions;
import org.emporium.pricing.domain.RecordedOrder;
import org.emporium.pricing.domain.Redeemed;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link Redemptions} in {@code pricing.redeemed_order}, {@code redemption}, {@code promotion_customer}
 * and {@code customer_orders}. A limit is the {@code WHERE} of the statement that raises its counter:
 * concurrent redemptions queue on the counter's row and each sees the count the previous one left.
 */
public final class PgRedemptions implements Redemptions {

  private static final String CLAIM = "INSERT INTO pricing.redeemed_order (order_id, customer_id, currency, redeemed, "
      + "created_at) VALUES ($1, $2, $3, '[]'::jsonb, $4) ON CONFLICT (order_id) DO NOTHING";
  private static final String ORDER = "SELECT order_id, customer_id, redeemed, released_at FROM pricing.redeemed_order "
      + "WHERE order_id = $1";
  private static final String COUNT_ORDER = "INSERT INTO pricing.customer_orders (customer_id, orders) VALUES ($1, 1) "
      + "ON CONFLICT (customer_id) DO UPDATE SET orders = customer_orders.orders + 1 RETURNING orders";
  private static final String ORDERS = "SELECT orders FROM pricing.customer_orders WHERE customer_id = $1";
  private static final String USES = "SELECT promotion_id, used FROM pricing.promotion_customer "
      + "WHERE customer_id = $1 AND promotion_id = ANY($2)";
  private static final String TAKE_USE = "UPDATE pricing.promotion SET used = used + 1 "
      + "WHERE id = $1 AND active AND (usage_limit IS NULL OR used < usage_limit)";
  private static final String TAKE_CUSTOMER_USE = "INSERT INTO pricing.promotion_customer (promotion_id, customer_id, "
      + "used) VALUES ($1, $2, 1) ON CONFLICT (promotion_id, customer_id) DO UPDATE "
      + "SET used = promotion_customer.used + 1 WHERE $3::integer IS NULL OR promotion_customer.used < $3";
  private static final String INSERT_REDEMPTION = "INSERT INTO pricing.redemption (order_id, promotion_id, code, "
      + "customer_id) VALUES ($1, $2, $3, $4)";
  private static final String COMPLETE = "UPDATE pricing.redeemed_order SET redeemed = $2 WHERE order_id = $1";
  private static final String RELEASE = "UPDATE pricing.redeemed_order SET released_at = $2 "
      + "WHERE order_id = $1 AND released_at IS NULL RETURNING customer_id";
  private static final String MARK_RELEASED = "INSERT INTO pricing.redeemed_order (order_id, redeemed, created_at, "
      + "released_at) VALUES ($1, '[]'::jsonb, $2, $2) ON CONFLICT (order_id) DO NOTHING";
  private static final String DROP_REDEMPTIONS = "DELETE FROM pricing.redemption WHERE order_id = $1 "
      + "RETURNING promotion_id, code";
  private static final String UNCOUNT_ORDER = "UPDATE pricing.customer_orders SET orders = orders - 1 "
      + "WHERE customer_id = $1 AND orders > 0";
  private static final String GIVE_USE = "UPDATE pricing.promotion SET used = used - 1 WHERE id = $1 AND used > 0";
  private static final String GIVE_CUSTOMER_USE = "UPDATE pricing.promotion_customer SET used = used - 1 "
      + "WHERE promotion_id = $1 AND customer_id = $2 AND used > 0";

  @Override
  public Future<Boolean> claim(SqlClient client, UUID orderId, UUID customerId, String currency, Instant now) {
    return client.preparedQuery(CLAIM).execute(Tuple.of(orderId, customerId, currency, now.atOffset(ZoneOffset.UTC)))
        .map(rows -> rows.rowCount() == 1);
  }

  @Override
  public Future<Optional<RecordedOrder>> order(SqlClient client, UUID orderId) {
    return client.preparedQuery(ORDER).execute(Tuple.of(orderId)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row row = rows.iterator().next();
      List<Redeemed> redeemed = new ArrayList<>();
      JsonArray stored = (JsonArray) row.getValue("redeemed");
      stored.forEach(item -> redeemed.add(new Redeemed(((JsonObject) item).getString("code"),
          UUID.fromString(((JsonObject) item).getString("promotionId")))));
      return Optional.of(new RecordedOrder(orderId, Optional.ofNullable(row.getUUID("customer_id")), redeemed,
          row.getValue("released_at") != null));
    });
  }

  @Override
  public Future<Integer> countOrder(SqlClient client, UUID customerId) {
    return client.preparedQuery(COUNT_ORDER).execute(Tuple.of(customerId))
        .map(rows -> rows.iterator().next().getInteger("orders"));
  }

  @Override
  public Future<Integer> orders(SqlClient client, UUID customerId) {
    return client.preparedQuery(ORDERS).execute(Tuple.of(customerId))
        .map(rows -> rows.size() == 0 ? 0 : rows.iterator().next().getInteger("orders"));
  }

  @Override
  public Future<Map<UUID, Integer>> uses(SqlClient client, UUID customerId, Collection<UUID> promotionIds) {
    return client.preparedQuery(USES).execute(Tuple.of(customerId, promotionIds.toArray(UUID[]::new))).map(rows -> {
      Map<UUID, Integer> uses = new HashMap<>();
      rows.forEach(row -> uses.put(row.getUUID("promotion_id"), row.getInteger("used")));
      return uses;
    });
  }

  @Override
  public Future<Boolean> takeUse(SqlClient client, UUID promotionId) {
    return client.preparedQuery(TAKE_USE).execute(Tuple.of(promotionId)).map(rows -> rows.rowCount() == 1);
  }

  @Override
  public Future<Boolean> takeCustomerUse(SqlClient client, UUID promotionId, UUID customerId, Integer limit) {
    return client.preparedQuery(TAKE_CUSTOMER_USE).execute(Tuple.of(promotionId, customerId, limit))
        .map(rows -> rows.rowCount() == 1);
  }

  @Override
  public Future<Void> complete(SqlClient client, UUID orderId, UUID customerId, List<Redeemed> redeemed) {
    JsonArray stored = new JsonArray();
    redeemed.forEach(r -> stored.add(new JsonObject().put("code", r.code()).put("promotionId", r.promotionId().toString())));
    List<Tuple> rows = redeemed.stream().map(r -> Tuple.of(orderId, r.promotionId(), r.code(), customerId)).toList();
    Future<?> inserted = rows.isEmpty() ? Future.succeededFuture()
        : client.preparedQuery(INSERT_REDEMPTION).executeBatch(rows);
    return inserted.compose(done -> client.preparedQuery(COMPLETE).execute(Tuple.of(orderId, stored))).mapEmpty();
  }

  @Override
  public Future<Optional<RecordedOrder>> release(SqlClient client, UUID orderId, Instant now) {
    return release(client, orderId, now, true);
  }

  private Future<Optional<RecordedOrder>> release(SqlClient client, UUID orderId, Instant now, boolean mayMark) {
    Tuple params = Tuple.of(orderId, now.atOffset(ZoneOffset.UTC));
    return client.preparedQuery(RELEASE).execute(params).compose(rows -> {
      if (rows.rowCount() == 1) {
        return dropRedemptions(client, orderId, Optional.ofNullable(rows.iterator().next().getUUID("customer_id")));
      }
      if (!mayMark) {
        return Future.succeededFuture(Optional.empty());
      }
      // not marked: a redemption of the order committed while the marker waited for it, so release that
      return client.preparedQuery(MARK_RELEASED).execute(params).compose(marked -> marked.rowCount() == 1
          ? Future.succeededFuture(Optional.empty()) : release(client, orderId, now, false));
    });
  }

  private Future<Optional<RecordedOrder>> dropRedemptions(SqlClient client, UUID orderId, Optional<UUID> customer) {
    return client.preparedQuery(DROP_REDEMPTIONS).execute(Tuple.of(orderId)).map(dropped -> {
      List<Redeemed> redeemed = new ArrayList<>();
      dropped.forEach(row -> redeemed.add(new Redeemed(row.getString("code"), row.getUUID("promotion_id"))));
      return Optional.of(new RecordedOrder(orderId, customer, redeemed, false));
    });
  }

  @Override
  public Future<Void> giveBack(SqlClient client, RecordedOrder order) {
    // the same order of rows as a redemption takes them: customer first, then promotions by id
    Future<?> chain = order.customerId().<Future<?>>map(customer ->
        client.preparedQuery(UNCOUNT_ORDER).execute(Tuple.of(customer))).orElse(Future.succeededFuture());
    for (Redeemed r : order.redeemed().stream().sorted(Comparator.comparing(Redeemed::promotionId)).toList()) {
      chain = chain.compose(done -> client.preparedQuery(GIVE_USE).execute(Tuple.of(r.promotionId())));
      if (order.customerId().isPresent()) {
        chain = chain.compose(done -> client.preparedQuery(GIVE_CUSTOMER_USE)
            .execute(Tuple.of(r.promotionId(), order.customerId().get())));
      }
    }
    return chain.mapEmpty();
  }
}
