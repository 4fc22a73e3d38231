package org.emporium.inventory.infra;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.emporium.inventory.application.LineOutcome;
import org.emporium.inventory.application.LineRequest;
import org.emporium.inventory.application.Reservations;
import org.emporium.inventory.domain.Allocation;
import org.emporium.inventory.domain.Reservation;
import org.emporium.inventory.domain.ReservationLine;
import org.emporium.inventory.domain.ReservationRequest;
import org.emporium.inventory.domain.ReservationStatus;
import org.emporium.inventory.domain.Shortage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link Reservations} in PostgreSQL: the hot path is one call of {@code inventory.reserve_batch}. */
public final class PgReservations implements Reservations {

  private static final String BATCH = "SELECT r_ord, r_outcome, r_warehouses, r_quantities"
      + " FROM inventory.reserve_lines($1, $2, $3, $4, $5, $6, $7, $8, $9)";
  private static final String FIND = "SELECT r.id, r.reference, r.region, r.status, r.lines, r.shortages, r.expires_at,"
      + " coalesce((SELECT jsonb_agg(jsonb_build_object('sku', l.sku, 'warehouseId', l.warehouse_id,"
      + " 'quantity', l.quantity) ORDER BY l.sku, l.warehouse_id) FROM inventory.reservation_line l"
      + " WHERE l.reservation_id = r.id), '[]'::jsonb) AS allocations FROM inventory.reservation r WHERE r.id = $1";
  private static final String INSERT_PENDING = "INSERT INTO inventory.reservation (id, reference, region, status,"
      + " lines, expires_at, created_at, updated_at) VALUES ($1, $2, $3, 'pending', $4, $5, $6, $6)"
      + " ON CONFLICT (id) DO NOTHING";
  private static final String MARK_RESERVED = "UPDATE inventory.reservation SET status = 'reserved', updated_at = $2"
      + " WHERE id = $1 AND status = 'pending'";
  private static final String FINISH = "SELECT r_status, r_changed, r_reference FROM inventory.finish_reservation($1, $2, $3, $4, $5, $6)";
  private static final String DUE = "SELECT id FROM inventory.reservation WHERE status IN ('pending', 'reserved')"
      + " AND expires_at <= $1 ORDER BY expires_at LIMIT $2";

  // the conditions again on the row itself: a reservation revived meanwhile (a late sale) is
  // rechecked on its new version and stays
  private static final String PURGE = "WITH gone AS (DELETE FROM inventory.reservation WHERE id IN ("
      + "SELECT id FROM inventory.reservation WHERE status IN ('rejected', 'released', 'expired')"
      + " AND updated_at < $1 ORDER BY updated_at LIMIT $2)"
      + " AND status IN ('rejected', 'released', 'expired') AND updated_at < $1 RETURNING id),"
      + " lines AS (DELETE FROM inventory.reservation_line WHERE reservation_id IN (SELECT id FROM gone))"
      + " SELECT count(*) AS purged FROM gone";

  private final String region;

  /** {@code region}: the node's, recorded on a release that comes before its reservation (a tombstone). */
  public PgReservations(String region) {
    this.region = region;
  }

  @Override
  public Future<List<LineOutcome>> reserveBatch(SqlClient client, List<LineRequest> batch, String actor, Instant now) {
    int n = batch.size();
    String[] skus = new String[n];
    String[] regions = new String[n];
    UUID[] ids = new UUID[n];
    Integer[] quantities = new Integer[n];
    Boolean[] whole = new Boolean[n];
    String[] references = new String[n];
    OffsetDateTime[] expires = new OffsetDateTime[n];
    for (int i = 0; i < n; i++) {
      LineRequest line = batch.get(i);
      skus[i] = line.sku();
      regions[i] = line.region();
      ids[i] = line.reservationId();
      quantities[i] = line.quantity();
      whole[i] = line.whole();
      references[i] = line.reference();
      expires[i] = OffsetDateTime.ofInstant(Instant.ofEpochMilli(line.expiresAtMillis()), ZoneOffset.UTC);
    }
    Tuple args = Tuple.tuple().addArrayOfString(skus).addArrayOfString(regions).addArrayOfUUID(ids).addArrayOfInteger(quantities)
        .addArrayOfBoolean(whole).addArrayOfString(references).addArrayOfOffsetDateTime(expires)
        .addString(actor).addOffsetDateTime(utc(now));
    return client.preparedQuery(BATCH).execute(args).map(rows -> {
      LineOutcome[] outcomes = new LineOutcome[n];
      for (Row row : rows) {
        int ord = row.getInteger("r_ord");
        String sku = skus[ord - 1];
        UUID[] warehouses = row.getArrayOfUUIDs("r_warehouses");
        Integer[] taken = row.getArrayOfIntegers("r_quantities");
        List<Allocation> allocations = new ArrayList<>(warehouses.length);
        for (int i = 0; i < warehouses.length; i++) {
          allocations.add(new Allocation(sku, warehouses[i], taken[i]));
        }
        outcomes[ord - 1] = new LineOutcome(row.getString("r_outcome"), allocations);
      }
      return List.of(outcomes);
    });
  }

  @Override
  public Future<Optional<Reservation>> find(SqlClient client, UUID id) {
    return client.preparedQuery(FIND).execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(reservation(rows.iterator().next())));
  }

  @Override
  public Future<Boolean> insertPending(SqlClient client, ReservationRequest request, Instant expiresAt, Instant now) {
    JsonArray lines = new JsonArray();
    request.lines().forEach(l -> lines.add(new JsonObject().put("sku", l.sku()).put("quantity", l.quantity())));
    return client.preparedQuery(INSERT_PENDING).execute(Tuple.of(request.id(), request.reference(), request.region(),
        lines, utc(expiresAt), utc(now))).map(rows -> rows.rowCount() == 1);
  }

  @Override
  public Future<Boolean> markReserved(SqlClient client, UUID id, Instant now) {
    return client.preparedQuery(MARK_RESERVED).execute(Tuple.of(id, utc(now))).map(rows -> rows.rowCount() == 1);
  }

  @Override
  public Future<Optional<Finish>> finish(SqlClient client, UUID id, ReservationStatus to, JsonArray shortages,
      String actor, Instant now) {
    return client.preparedQuery(FINISH).execute(Tuple.of(id, to.code(), shortages, actor, utc(now), region))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          Row row = rows.iterator().next();
          return Optional.of(new Finish(ReservationStatus.of(row.getString("r_status")), row.getBoolean("r_changed"),
              row.getString("r_reference")));
        });
  }

  @Override
  public Future<List<UUID>> due(SqlClient client, Instant now, int limit) {
    return client.preparedQuery(DUE).execute(Tuple.of(utc(now), limit))
        .map(rows -> {
          List<UUID> ids = new ArrayList<>();
          rows.forEach(row -> ids.add(row.getUUID("id")));
          return ids;
        });
  }

  @Override
  public Future<Integer> purgeEnded(SqlClient client, Instant before, int limit) {
    return client.preparedQuery(PURGE).execute(Tuple.of(utc(before), limit))
        .map(rows -> rows.iterator().next().getLong("purged").intValue());
  }

  private static Reservation reservation(Row row) {
    List<ReservationLine> lines = new ArrayList<>();
    for (Object item : (JsonArray) row.getJson("lines")) {
      JsonObject line = (JsonObject) item;
      lines.add(new ReservationLine(line.getString("sku"), line.getInteger("quantity")));
    }
    List<Allocation> allocations = new ArrayList<>();
    for (Object item : (JsonArray) row.getJson("allocations")) {
      JsonObject a = (JsonObject) item;
      allocations.add(new Allocation(a.getString("sku"), UUID.fromString(a.getString("warehouseId")),
          a.getInteger("quantity")));
    }
    List<Shortage> shortages = new ArrayList<>();
    if (row.getJson("shortages") instanceof JsonArray stored) {
      for (Object item : stored) {
        JsonObject s = (JsonObject) item;
        shortages.add(new Shortage(s.getString("sku"), s.getInteger("requested"), s.getString("reason")));
      }
    }
    return new Reservation(row.getUUID("id"), row.getString("reference"), row.getString("region"),
        ReservationStatus.of(row.getString("status")), lines, allocations, shortages,
        row.getOffsetDateTime("expires_at").toInstant());
  }

  static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
