package org.emporium.inventory.infra;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.emporium.inventory.application.StockLevels;
import org.emporium.inventory.domain.Movement;
import org.emporium.inventory.domain.RegionStock;
import org.emporium.inventory.domain.StockSignal;
import org.emporium.inventory.domain.Warehouse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link StockLevels} in PostgreSQL; each movement and its ledger row are one statement. */
public final class PgStockLevels implements StockLevels {

  private static final String MOVEMENT_COLUMNS = " RETURNING id, sku, warehouse_id, kind, quantity, note,"
      + " on_hand_after, reserved_after, created_at";
  private static final String ENSURE_WAREHOUSE = "INSERT INTO inventory.warehouse (id, code, region, priority)"
      + " VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING";
  private static final String WAREHOUSE = "SELECT id, code, region, priority FROM inventory.warehouse WHERE id = $1";
  private static final String KNOWN = "SELECT EXISTS (SELECT 1 FROM inventory.stock WHERE sku = $1)";
  private static final String ENSURE_ROW = "INSERT INTO inventory.stock (sku, warehouse_id) VALUES ($1, $2)"
      + " ON CONFLICT DO NOTHING";
  private static final String BY_REFERENCE = "SELECT id, sku, warehouse_id, kind, quantity, note, on_hand_after,"
      + " reserved_after, created_at FROM inventory.ledger"
      + " WHERE sku = $1 AND warehouse_id = $2 AND kind = $3 AND reference = $4";
  private static final String RECEIVE = "WITH moved AS (UPDATE inventory.stock SET on_hand = on_hand + $3"
      + " WHERE sku = $1 AND warehouse_id = $2 RETURNING on_hand, reserved)"
      + " INSERT INTO inventory.ledger (sku, warehouse_id, kind, quantity, on_hand_before, on_hand_after,"
      + " reserved_before, reserved_after, reference, actor, note, created_at)"
      + " SELECT $1, $2, 'received', $3, on_hand - $3, on_hand, reserved, reserved, $4, $5, $6, $7 FROM moved"
      + MOVEMENT_COLUMNS;
  private static final String RETURN = RECEIVE.replace("'received'", "'returned'");
  private static final String ADJUST = "WITH moved AS (UPDATE inventory.stock SET on_hand = on_hand + $3"
      + " WHERE sku = $1 AND warehouse_id = $2 AND on_hand + $3 >= reserved RETURNING on_hand, reserved)"
      + " INSERT INTO inventory.ledger (sku, warehouse_id, kind, quantity, on_hand_before, on_hand_after,"
      + " reserved_before, reserved_after, reference, actor, note, created_at)"
      + " SELECT $1, $2, 'adjusted', $3, on_hand - $3, on_hand, reserved, reserved, $4, $5, $6, $7 FROM moved"
      + MOVEMENT_COLUMNS;
  private static final String REORDER = "UPDATE inventory.stock SET reorder_level = $3"
      + " WHERE sku = $1 AND warehouse_id = $2";
  private static final String AVAILABLE = "SELECT s.sku, sum(s.available) AS available FROM inventory.stock s"
      + " JOIN inventory.warehouse w ON w.id = s.warehouse_id WHERE s.sku = ANY($1) AND w.region = $2 GROUP BY s.sku";
  private static final String TAKE_SIGNALS = "WITH due AS (SELECT sku, warehouse_id, low_pending FROM inventory.stock"
      + " WHERE changed_pending OR low_pending LIMIT $1 FOR UPDATE SKIP LOCKED)"
      + " UPDATE inventory.stock s SET changed_pending = false, low_pending = false FROM due, inventory.warehouse w"
      + " WHERE s.sku = due.sku AND s.warehouse_id = due.warehouse_id AND w.id = s.warehouse_id"
      + " RETURNING s.sku, s.warehouse_id, w.region, s.available, s.reorder_level, due.low_pending AS fell_low";
  private static final String REGIONS = "SELECT s.sku, w.region, sum(s.on_hand) AS on_hand, sum(s.reserved) AS reserved,"
      + " sum(s.available) AS available FROM inventory.stock s JOIN inventory.warehouse w ON w.id = s.warehouse_id"
      + " WHERE s.sku = ANY($1) GROUP BY s.sku, w.region";

  @Override
  public Future<Void> ensureWarehouse(SqlClient client, Warehouse warehouse) {
    return client.preparedQuery(ENSURE_WAREHOUSE).execute(Tuple.of(warehouse.id(), warehouse.code(),
        warehouse.region(), warehouse.priority())).mapEmpty();
  }

  @Override
  public Future<Optional<Warehouse>> warehouse(SqlClient client, UUID id) {
    return client.preparedQuery(WAREHOUSE).execute(Tuple.of(id)).map(rows -> first(rows).map(row ->
        new Warehouse(row.getUUID("id"), row.getString("code"), row.getString("region"), row.getInteger("priority"))));
  }

  @Override
  public Future<Boolean> known(SqlClient client, String sku) {
    return client.preparedQuery(KNOWN).execute(Tuple.of(sku)).map(rows -> rows.iterator().next().getBoolean(0));
  }

  @Override
  public Future<Void> ensureRow(SqlClient client, String sku, UUID warehouseId) {
    return client.preparedQuery(ENSURE_ROW).execute(Tuple.of(sku, warehouseId)).mapEmpty();
  }

  @Override
  public Future<Optional<Movement>> byReference(SqlClient client, String sku, UUID warehouseId, String kind,
      String reference) {
    return client.preparedQuery(BY_REFERENCE).execute(Tuple.of(sku, warehouseId, kind, reference))
        .map(rows -> first(rows).map(PgStockLevels::movement));
  }

  @Override
  public Future<Optional<Movement>> receive(SqlClient client, String sku, UUID warehouseId, int quantity, String note,
      String reference, String actor, Instant now) {
    return move(client, RECEIVE, sku, warehouseId, quantity, note, reference, actor, now);
  }

  @Override
  public Future<Optional<Movement>> returned(SqlClient client, String sku, UUID warehouseId, int quantity, String note,
      String reference, String actor, Instant now) {
    return move(client, RETURN, sku, warehouseId, quantity, note, reference, actor, now);
  }

  @Override
  public Future<Optional<Movement>> adjust(SqlClient client, String sku, UUID warehouseId, int delta, String reason,
      String reference, String actor, Instant now) {
    return move(client, ADJUST, sku, warehouseId, delta, reason, reference, actor, now);
  }

  private static Future<Optional<Movement>> move(SqlClient client, String sql, String sku, UUID warehouseId,
      int quantity, String note, String reference, String actor, Instant now) {
    return client.preparedQuery(sql).execute(Tuple.from(List.of(sku, warehouseId, quantity)).addValue(reference)
            .addValue(actor).addValue(note).addValue(PgReservations.utc(now)))
        .map(rows -> first(rows).map(PgStockLevels::movement));
  }

  @Override
  public Future<Boolean> setReorderLevel(SqlClient client, String sku, UUID warehouseId, int level) {
    return client.preparedQuery(REORDER).execute(Tuple.of(sku, warehouseId, level)).map(rows -> rows.rowCount() == 1);
  }

  @Override
  public Future<Map<String, Long>> available(SqlClient client, Collection<String> skus, String region) {
    return client.preparedQuery(AVAILABLE).execute(Tuple.of(skus.toArray(String[]::new), region)).map(rows -> {
      Map<String, Long> available = new HashMap<>();
      rows.forEach(row -> available.put(row.getString("sku"), row.getLong("available")));
      return available;
    });
  }

  @Override
  public Future<List<StockSignal>> takeSignals(SqlClient client, int limit) {
    return client.preparedQuery(TAKE_SIGNALS).execute(Tuple.of(limit)).map(rows -> {
      List<StockSignal> signals = new ArrayList<>();
      rows.forEach(row -> signals.add(new StockSignal(row.getString("sku"), row.getUUID("warehouse_id"),
          row.getString("region"), row.getInteger("available"), row.getInteger("reorder_level"),
          row.getBoolean("fell_low"))));
      return signals;
    });
  }

  @Override
  public Future<List<RegionStock>> regions(SqlClient client, Collection<String> skus) {
    return client.preparedQuery(REGIONS).execute(Tuple.of(skus.toArray(String[]::new))).map(rows -> {
      List<RegionStock> regions = new ArrayList<>();
      rows.forEach(row -> regions.add(new RegionStock(row.getString("sku"), row.getString("region"),
          row.getLong("on_hand"), row.getLong("reserved"), row.getLong("available"))));
      return regions;
    });
  }

  private static Optional<Row> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next());
  }

  private static Movement movement(Row row) {
    return new Movement(row.getUUID("id"), row.getString("sku"), row.getUUID("warehouse_id"), row.getString("kind"),
        row.getInteger("quantity"), row.getString("note"), row.getInteger("on_hand_after"),
        row.getInteger("reserved_after"), row.getOffsetDateTime("created_at").toInstant());
  }
}
