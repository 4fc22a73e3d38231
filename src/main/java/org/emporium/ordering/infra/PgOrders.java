package org.emporium.ordering.infra;

import io.vertx.core.Future;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.emporium.ordering.application.OrderQuery;
import org.emporium.ordering.application.Orders;
import org.emporium.ordering.domain.Order;
import org.emporium.ordering.domain.OrderLine;
import org.emporium.ordering.domain.Transition;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link Orders} in PostgreSQL: {@code ordering.orders}, its lines and its transition history. A new
 * order is one statement (order, lines and first history entry); a move is one statement too.
 */
public final class PgOrders implements Orders {

  private static final String COLUMNS = "o.id, o.checkout_id, o.customer_id, o.email, o.status, o.currency, o.region,"
      + " o.subtotal, o.discount_total, o.shipping, o.tax_total, o.total, o.tax_inclusive, o.refunded, o.coupons,"
      + " o.fx_rates, o.shipping_address, o.payment_id, o.reservation_id, o.created_at, o.updated_at, o.version";
  private static final String DETAILS = ", (SELECT jsonb_agg(jsonb_build_object('sku', l.sku, 'quantity', l.quantity,"
      + " 'unitPrice', l.unit_price, 'subtotal', l.subtotal, 'discount', l.discount, 'tax', l.tax, 'total', l.total)"
      + " ORDER BY l.position) FROM ordering.order_line l WHERE l.order_id = o.id) AS lines,"
      + " (SELECT jsonb_agg(jsonb_build_object('from', t.from_status, 'to', t.to_status,"
      + " 'at', (extract(epoch FROM t.at) * 1000000)::bigint, 'actor', t.actor, 'reason', t.reason) ORDER BY t.seq)"
      + " FROM ordering.order_transition t WHERE t.order_id = o.id) AS history";
  private static final String FIND = "SELECT " + COLUMNS + DETAILS + " FROM ordering.orders o WHERE o.id = $1";
  private static final String LOCK = FIND + " FOR UPDATE OF o";
  private static final String INSERT = "WITH o AS (INSERT INTO ordering.orders (id, checkout_id, customer_id, email,"
      + " status, currency, region, subtotal, discount_total, shipping, tax_total, total, tax_inclusive, refunded,"
      + " coupons, fx_rates, shipping_address, payment_id, reservation_id, created_at, updated_at, version)"
      + " SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $20, $21"
      + " WHERE NOT EXISTS (SELECT 1 FROM ordering.order_tombstone t WHERE t.order_id = $1)"
      + " ON CONFLICT (id) DO NOTHING RETURNING id),"
      + " l AS (INSERT INTO ordering.order_line (order_id, position, sku, quantity, unit_price, subtotal, discount, tax,"
      + " total) SELECT o.id, u.pos, u.sku, u.qty, u.up, u.st, u.dc, u.tx, u.tt FROM o, unnest($22::text[], $23::int[],"
      + " $24::bigint[], $25::bigint[], $26::bigint[], $27::bigint[], $28::bigint[]) WITH ORDINALITY"
      + " AS u(sku, qty, up, st, dc, tx, tt, pos)),"
      + " h AS (INSERT INTO ordering.order_transition (order_id, seq, from_status, to_status, at, actor, reason)"
      + " SELECT o.id, 1, NULL, $5, $20, $29, $30 FROM o)"
      + " SELECT count(*) AS inserted FROM o";
  private static final String MOVE = "WITH u AS (UPDATE ordering.orders SET status = $2, updated_at = $3, version = $4"
      + " WHERE id = $1 RETURNING id)"
      + " INSERT INTO ordering.order_transition (order_id, seq, from_status, to_status, at, actor, reason)"
      + " SELECT u.id, $5, $6, $2, $3, $7, $8 FROM u";
  // one order id's place and checkout cancel take turns, so a cancel that finds no order and a place
  // in flight cannot both pass (hash collisions only make unrelated ids wait)
  private static final String GUARD = "SELECT pg_advisory_xact_lock(hashtextextended($1::text, 7301))";
  private static final String TOMBSTONE = "INSERT INTO ordering.order_tombstone (order_id, at, actor, reason)"
      + " VALUES ($1, $2, $3, $4) ON CONFLICT (order_id) DO NOTHING";
  private static final String REFUNDED = "UPDATE ordering.orders SET refunded = $2, updated_at = $3, version = $4"
      + " WHERE id = $1";

  @Override
  public Future<Boolean> insert(SqlClient tx, Order order) {
    int n = order.lines().size();
    String[] skus = new String[n];
    Integer[] quantities = new Integer[n];
    Long[][] amounts = new Long[5][n];
    for (int i = 0; i < n; i++) {
      OrderLine line = order.lines().get(i);
      skus[i] = line.sku();
      quantities[i] = line.quantity();
      amounts[0][i] = line.unitPrice();
      amounts[1][i] = line.subtotal();
      amounts[2][i] = line.discount();
      amounts[3][i] = line.tax();
      amounts[4][i] = line.total();
    }
    Transition first = order.history().get(0);
    Tuple args = Tuple.tuple().addUUID(order.id()).addUUID(order.checkoutId()).addUUID(order.customerId())
        .addString(order.email()).addString(order.status().code()).addString(order.currency()).addString(order.region())
        .addLong(order.totals().subtotal()).addLong(order.totals().discountTotal()).addLong(order.totals().shipping())
        .addLong(order.totals().taxTotal()).addLong(order.totals().total()).addBoolean(order.taxInclusive())
        .addLong(order.refunded()).addValue(Json.decodeValue(order.coupons())).addValue(Json.decodeValue(order.fxRates()))
        .addValue(Json.decodeValue(order.shippingAddress())).addUUID(order.paymentId()).addUUID(order.reservationId())
        .addOffsetDateTime(utc(order.createdAt())).addLong(order.version())
        .addArrayOfString(skus).addArrayOfInteger(quantities).addArrayOfLong(amounts[0]).addArrayOfLong(amounts[1])
        .addArrayOfLong(amounts[2]).addArrayOfLong(amounts[3]).addArrayOfLong(amounts[4])
        .addString(first.actor()).addString(first.reason());
    return tx.preparedQuery(INSERT).execute(args).map(rows -> rows.iterator().next().getLong("inserted") == 1);
  }

  @Override
  public Future<Void> guard(SqlClient tx, UUID id) {
    return tx.preparedQuery(GUARD).execute(Tuple.of(id.toString())).mapEmpty();
  }

  @Override
  public Future<Void> tombstone(SqlClient tx, UUID id, Instant at, String actor, String reason) {
    return tx.preparedQuery(TOMBSTONE).execute(Tuple.of(id, utc(at), actor, reason)).mapEmpty();
  }

  @Override
  public Future<Optional<Order>> find(SqlClient client, UUID id) {
    return client.preparedQuery(FIND).execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? Optional.empty()
        : Optional.of(OrderRows.order(rows.iterator().next(), true)));
  }

  @Override
  public Future<Optional<Order>> lock(SqlClient tx, UUID id) {
    return tx.preparedQuery(LOCK).execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? Optional.empty()
        : Optional.of(OrderRows.order(rows.iterator().next(), true)));
  }

  @Override
  public Future<Void> moved(SqlClient tx, Order moved, Transition t) {
    return tx.preparedQuery(MOVE).execute(Tuple.tuple().addUUID(moved.id()).addString(t.to().code())
        .addOffsetDateTime(utc(t.at())).addLong(moved.version()).addInteger(moved.history().size())
        .addString(t.from().code()).addString(t.actor()).addString(t.reason())).mapEmpty();
  }

  @Override
  public Future<Void> refunded(SqlClient tx, Order order) {
    return tx.preparedQuery(REFUNDED).execute(Tuple.of(order.id(), order.refunded(), utc(order.updatedAt()),
        order.version())).mapEmpty();
  }

  @Override
  public Future<List<Order>> page(SqlClient client, OrderQuery query) {
    List<String> where = new ArrayList<>();
    Tuple args = Tuple.tuple();
    if (query.customerId() != null) {
      args.addUUID(query.customerId());
      where.add("o.customer_id = $" + args.size());
    }
    if (query.status() != null) {
      args.addString(query.status().code());
      where.add("o.status = $" + args.size());
    }
    if (query.from() != null) {
      args.addOffsetDateTime(utc(query.from()));
      where.add("o.created_at >= $" + args.size());
    }
    if (query.to() != null) {
      args.addOffsetDateTime(utc(query.to()));
      where.add("o.created_at < $" + args.size());
    }
    if (query.after() != null) {
      args.addOffsetDateTime(utc(query.after().createdAt())).addUUID(query.after().id());
      where.add("(o.created_at, o.id) < ($" + (args.size() - 1) + ", $" + args.size() + ")");
    }
    args.addInteger(query.limit());
    String sql = "SELECT " + COLUMNS + " FROM ordering.orders o" + (where.isEmpty() ? "" : " WHERE "
        + String.join(" AND ", where)) + " ORDER BY o.created_at DESC, o.id DESC LIMIT $" + args.size();
    return client.preparedQuery(sql).execute(args).map(rows -> {
      List<Order> orders = new ArrayList<>();
      for (Row row : rows) {
        orders.add(OrderRows.order(row, false));
      }
      return orders;
    });
  }

  static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static JsonArray array(Object value) {
    return value instanceof JsonArray array ? array : new JsonArray();
  }

  static String json(Object value) {
    return value instanceof JsonObject || value instanceof JsonArray ? Json.encode(value) : "null";
  }
}
