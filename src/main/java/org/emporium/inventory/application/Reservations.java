package org.emporium.inventory.application;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.SqlClient;
import org.emporium.inventory.domain.Reservation;
import org.emporium.inventory.domain.ReservationRequest;
import org.emporium.inventory.domain.ReservationStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Recorded reservations. Methods run on the client given, so they can join a transaction. */
public interface Reservations {

  /** Reserves a batch of lines (any SKUs and regions) in one statement; each SKU's lines in list order. */
  Future<List<LineOutcome>> reserveBatch(SqlClient client, List<LineRequest> batch, String actor, Instant now);

  Future<Optional<Reservation>> find(SqlClient client, UUID id);

  /** Records a multi-line reservation as pending; false when the id is already recorded. */
  Future<Boolean> insertPending(SqlClient client, ReservationRequest request, Instant expiresAt, Instant now);

  /** Pending to reserved once every line is held; false when it is no longer pending. */
  Future<Boolean> markReserved(SqlClient client, UUID id, Instant now);

  /** The outcome of ending a reservation: its status afterwards and whether this call changed it. */
  record Finish(ReservationStatus status, boolean changed, String reference) {
  }

  /** Ends a reservation once (see the SQL function); empty when there is no such reservation. */
  Future<Optional<Finish>> finish(SqlClient client, UUID id, ReservationStatus to, JsonArray shortages,
      String actor, Instant now);

  /** Pending or reserved reservations whose time ran out, oldest first. */
  Future<List<UUID>> due(SqlClient client, Instant now, int limit);

  /**
   * Deletes at most {@code limit} reservations that ended without a sale (rejected, released,
   * expired) and have not changed since {@code before}, with their lines; how many went.
   */
  Future<Integer> purgeEnded(SqlClient client, Instant before, int limit);
}
