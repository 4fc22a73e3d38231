package org.emporium.pricing.infra;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.emporium.pricing.application.PromotionRejected;
import org.emporium.pricing.application.Promotions;
import org.emporium.pricing.domain.Promotion;
import org.emporium.pricing.domain.PromotionDefinition;
import org.emporium.pricing.domain.PromotionRejection;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link Promotions} in {@code pricing.promotion} and {@code pricing.coupon_code}. */
public final class PgPromotions implements Promotions {

  private static final String COLUMNS = "p.id, p.name, p.description, p.kind, p.percent, p.amount_off, p.min_subtotal, "
      + "p.category_ids, p.skus, p.first_order, p.valid_from, p.valid_until, p.time_zone, p.usage_limit, "
      + "p.per_customer_limit, p.active, p.used, p.version, p.created_at, p.updated_at, "
      + "ARRAY(SELECT c.code FROM pricing.coupon_code c WHERE c.promotion_id = p.id ORDER BY c.code) AS codes";
  private static final String FIND = "SELECT " + COLUMNS + " FROM pricing.promotion p WHERE p.id = $1";
  private static final String PAGE = "SELECT " + COLUMNS + " FROM pricing.promotion p "
      + "WHERE $1::uuid IS NULL OR p.id > $1 ORDER BY p.id LIMIT $2";
  private static final String BY_CODES = "SELECT " + COLUMNS + ", k.code AS matched FROM pricing.coupon_code k "
      + "JOIN pricing.promotion p ON p.id = k.promotion_id WHERE k.code = ANY($1)";
  private static final String TAKEN = "SELECT code FROM pricing.coupon_code WHERE code = ANY($1) AND promotion_id <> $2 "
      + "ORDER BY code";
  private static final String INSERT = "INSERT INTO pricing.promotion (name, description, kind, percent, amount_off, "
      + "min_subtotal, category_ids, skus, first_order, valid_from, valid_until, time_zone, usage_limit, "
      + "per_customer_limit, active, id, updated_at, created_at, used, version) "
      + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17, 0, 1)";
  private static final String REPLACE = "UPDATE pricing.promotion SET name = $1, description = $2, kind = $3, "
      + "percent = $4, amount_off = $5, min_subtotal = $6, category_ids = $7, skus = $8, first_order = $9, "
      + "valid_from = $10, valid_until = $11, time_zone = $12, usage_limit = $13, per_customer_limit = $14, "
      + "active = $15, version = version + 1, updated_at = $17 WHERE id = $16";
  private static final String DEACTIVATE = "UPDATE pricing.promotion SET active = false, version = version + 1, "
      + "updated_at = $2 WHERE id = $1 AND active";
  private static final String DROP_CODES = "DELETE FROM pricing.coupon_code WHERE promotion_id = $1";
  private static final String ADD_CODES = "INSERT INTO pricing.coupon_code (code, promotion_id) "
      + "SELECT unnest($1::text[]), $2";

  @Override
  public Future<Optional<Promotion>> find(SqlClient client, UUID id) {
    return client.preparedQuery(FIND).execute(Tuple.of(id)).map(rows -> first(rows).map(PromotionRows::promotion));
  }

  @Override
  public Future<List<Promotion>> page(SqlClient client, UUID after, int limit) {
    return client.preparedQuery(PAGE).execute(Tuple.of(after, limit)).map(rows -> {
      List<Promotion> page = new ArrayList<>();
      rows.forEach(row -> page.add(PromotionRows.promotion(row)));
      return page;
    });
  }

  @Override
  public Future<Map<String, Promotion>> byCodes(SqlClient client, Collection<String> codes) {
    return client.preparedQuery(BY_CODES).execute(Tuple.of(codes.toArray(String[]::new))).map(rows -> {
      Map<String, Promotion> found = new HashMap<>();
      rows.forEach(row -> found.put(row.getString("matched"), PromotionRows.promotion(row)));
      return found;
    });
  }

  @Override
  public Future<List<String>> taken(SqlClient client, Collection<String> codes, UUID owner) {
    return client.preparedQuery(TAKEN).execute(Tuple.of(codes.toArray(String[]::new), owner)).map(rows -> {
      List<String> taken = new ArrayList<>();
      rows.forEach(row -> taken.add(row.getString("code")));
      return taken;
    });
  }

  @Override
  public Future<Promotion> insert(SqlClient client, UUID id, PromotionDefinition definition, Instant now) {
    return client.preparedQuery(INSERT).execute(PromotionRows.definition(definition).addUUID(id)
            .addOffsetDateTime(now.atOffset(ZoneOffset.UTC)))
        .compose(done -> setCodes(client, id, definition.codes()))
        .compose(done -> find(client, id)).map(Optional::orElseThrow);
  }

  @Override
  public Future<Optional<Promotion>> replace(SqlClient client, UUID id, PromotionDefinition definition, Instant now) {
    return client.preparedQuery(REPLACE).execute(PromotionRows.definition(definition).addUUID(id)
            .addOffsetDateTime(now.atOffset(ZoneOffset.UTC)))
        .compose(rows -> rows.rowCount() == 0 ? Future.succeededFuture(Optional.empty())
            : setCodes(client, id, definition.codes()).compose(done -> find(client, id)));
  }

  @Override
  public Future<Optional<Promotion>> deactivate(SqlClient client, UUID id, Instant now) {
    return client.preparedQuery(DEACTIVATE).execute(Tuple.of(id, now.atOffset(ZoneOffset.UTC)))
        .compose(rows -> rows.rowCount() == 0 ? Future.succeededFuture(Optional.empty()) : find(client, id));
  }

  @Override
  public Future<Void> setCodes(SqlClient client, UUID id, List<String> codes) {
    return client.preparedQuery(DROP_CODES).execute(Tuple.of(id))
        .compose(dropped -> client.preparedQuery(ADD_CODES).execute(Tuple.of(codes.toArray(String[]::new), id)))
        .<Void>mapEmpty()
        .recover(PgPromotions::takenMeanwhile);
  }

  /** Another promotion took one of the codes between the check and the insert. */
  private static Future<Void> takenMeanwhile(Throwable failure) {
    if (failure instanceof PgException pg && "23505".equals(pg.getSqlState())) {
      return Future.failedFuture(new PromotionRejected(new PromotionRejection.Conflict(
          "A coupon code belongs to another promotion: " + pg.getDetail(), List.of())));
    }
    return Future.failedFuture(failure);
  }

  private static Optional<Row> first(RowSet<Row> rows) {
    var iterator = rows.iterator();
    return iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
  }
}
