package org.emporium.pricing.infra;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.emporium.platform.events.CloudEvent;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.OutboxEvent;
import org.emporium.platform.events.Topics;
import org.emporium.pricing.application.Redemptions;
import org.emporium.pricing.domain.CouponCheck;
import org.emporium.pricing.domain.RecordedOrder;
import org.emporium.pricing.domain.Redeemed;
import org.emporium.pricing.domain.Refusal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link Redemptions} through {@code pricing.redeem_order} and {@code pricing.release_order}
 * ({@code migrations/pricing/redemptions.sql}): one round trip each, in its own transaction, so a
 * popular promotion's row is locked by one statement only. Their outbox rows are written by the
 * same statement, from envelopes the {@link Outbox} builds.
 */
public final class PgRedemptions implements Redemptions {

  private static final String LIMIT_REACHED = "EM422";
  private static final String ORDER = "SELECT customer_id, redeemed, released_at FROM pricing.redeemed_order "
      + "WHERE order_id = $1";
  private static final String ORDERS = "SELECT orders FROM pricing.customer_orders WHERE customer_id = $1";
  private static final String USES = "SELECT promotion_id, used FROM pricing.promotion_customer "
      + "WHERE customer_id = $1 AND promotion_id = ANY($2)";
  private static final String REDEEM = "SELECT pricing.redeem_order($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
      + "$13, $14) AS outcome";
  private static final String RELEASE = "SELECT pricing.release_order($1, $2, $3, $4, $5, $6) AS released";

  private final Outbox outbox;

  public PgRedemptions(Outbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public Future<Optional<RecordedOrder>> order(SqlClient client, UUID orderId) {
    return client.preparedQuery(ORDER).execute(Tuple.of(orderId)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row row = rows.iterator().next();
      List<Redeemed> redeemed = new ArrayList<>();
      ((JsonArray) row.getValue("redeemed")).forEach(item -> redeemed.add(new Redeemed(
          ((JsonObject) item).getString("code"), UUID.fromString(((JsonObject) item).getString("promotionId")))));
      return Optional.of(new RecordedOrder(orderId, Optional.ofNullable(row.getUUID("customer_id")), redeemed,
          row.getValue("released_at") != null));
    });
  }

  @Override
  public Future<Integer> orders(SqlClient client, UUID customerId) {
    return client.preparedQuery(ORDERS).execute(Tuple.of(customerId))
        .map(rows -> rows.size() == 0 ? 0 : rows.iterator().next().getInteger("orders"));
  }

  @Override
  public Future<Map<UUID, Integer>> uses(SqlClient client, UUID customerId, Collection<UUID> promotionIds) {
    Tuple params = Tuple.tuple().addUUID(customerId).addArrayOfUUID(promotionIds.toArray(UUID[]::new));
    return client.preparedQuery(USES).execute(params).map(rows -> {
      Map<UUID, Integer> uses = new HashMap<>();
      rows.forEach(row -> uses.put(row.getUUID("promotion_id"), row.getInteger("used")));
      return uses;
    });
  }

  @Override
  public Future<Counted> redeem(SqlClient client, RecordedOrder order, String currency, Instant now,
      List<CouponCheck.Accepted> accepted, OutboxEvent event) {
    List<CouponCheck.Accepted> byId = accepted.stream()
        .sorted(Comparator.comparing((CouponCheck.Accepted a) -> a.promotion().id())).toList();
    JsonArray redeemed = new JsonArray();
    order.redeemed().forEach(r -> redeemed.add(new JsonObject().put("code", r.code())
        .put("promotionId", r.promotionId().toString())));
    Integer firstOrder = accepted.stream().filter(a -> a.promotion().definition().conditions().firstOrder())
        .map(CouponCheck.Accepted::index).findFirst().orElse(null);
    Tuple params = Tuple.tuple().addUUID(order.orderId()).addUUID(order.customerId().orElse(null)).addString(currency)
        .addOffsetDateTime(now.atOffset(ZoneOffset.UTC))
        .addArrayOfUUID(byId.stream().map(a -> a.promotion().id()).toArray(UUID[]::new))
        .addArrayOfString(byId.stream().map(CouponCheck.Accepted::code).toArray(String[]::new))
        .addArrayOfInteger(byId.stream().map(CouponCheck.Accepted::index).toArray(Integer[]::new))
        .addArrayOfInteger(byId.stream().map(a -> a.promotion().definition().limits().perCustomer())
            .toArray(Integer[]::new))
        .addInteger(firstOrder).addValue(redeemed);
    return client.preparedQuery(REDEEM).execute(withEvent(params, event))
        .map(rows -> "duplicate".equals(rows.iterator().next().getString("outcome")) ? Counted.DUPLICATE
            : Counted.REDEEMED)
        .recover(PgRedemptions::limitReached);
  }

  @Override
  public Future<Boolean> release(SqlClient client, UUID orderId, Instant now, OutboxEvent event) {
    Tuple params = Tuple.tuple().addUUID(orderId).addOffsetDateTime(now.atOffset(ZoneOffset.UTC));
    return client.preparedQuery(RELEASE).execute(withEvent(params, event))
        .map(rows -> rows.iterator().next().getBoolean("released"));
  }

  /** Appends the outbox row's id, topic, type and envelope (four nulls without an event). */
  private Tuple withEvent(Tuple params, OutboxEvent event) {
    if (event == null) {
      return params.addUUID(null).addString(null).addString(null).addString(null);
    }
    CloudEvent envelope = outbox.envelope(event);
    return params.addUUID(UUID.fromString(envelope.id())).addString(Topics.topic(outbox.context(), event.aggregate()))
        .addString(envelope.type()).addString(envelope.toJson().encode());
  }

  private static Future<Counted> limitReached(Throwable failure) {
    if (failure instanceof PgException pg && LIMIT_REACHED.equals(pg.getSqlState())) {
      return Future.succeededFuture(new Counted(false,
          Refusal.Reason.valueOf(pg.getErrorMessage().toUpperCase(Locale.ROOT)), Integer.parseInt(pg.getDetail())));
    }
    return Future.failedFuture(failure);
  }
}
