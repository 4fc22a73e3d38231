package org.emporium.inventory.application;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.emporium.inventory.domain.Allocation;
import org.emporium.inventory.domain.Rejection;
import org.emporium.inventory.domain.Reservation;
import org.emporium.inventory.domain.ReservationLine;
import org.emporium.inventory.domain.ReservationRequest;
import org.emporium.inventory.domain.ReservationStatus;
import org.emporium.inventory.domain.Shortage;
import org.emporium.inventory.domain.StockRules;
import org.emporium.inventory.domain.Violation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reserves all lines of a request or none. A single line is one shard request (the shard's
 * statement records the reservation too). Several lines are recorded as a pending reservation
 * first, reserved side by side in their shards, and on any failure the held lines are released
 * (status {@code rejected}) before the answer; a node dying mid-way leaves a pending reservation
 * that the sweeper releases when its time runs out.
 */
public final class Reserving {

  private static final String ACTOR = "reservation";

  private final Pool pool;
  private final Reservations reservations;
  private final LineReservations lines;
  private final StockRules rules;
  private final Clock clock;

  public Reserving(Pool pool, Reservations reservations, LineReservations lines, StockRules rules, Clock clock) {
    this.pool = pool;
    this.reservations = reservations;
    this.lines = lines;
    this.rules = rules;
    this.clock = clock;
  }

  /** The reservation as it stands: {@code reserved}, or {@code rejected} with its shortages. */
  public Future<Reservation> reserve(ReservationRequest request) {
    List<Violation> violations = rules.check(request);
    if (!violations.isEmpty()) {
      return Future.failedFuture(new Rejected(new Rejection.Invalid(violations)));
    }
    Instant expiresAt = clock.instant().plusSeconds(request.ttlSeconds());
    if (request.lines().size() == 1) {
      ReservationLine line = request.lines().get(0);
      return lines.reserve(lineRequest(request, line, true, expiresAt)).compose(outcome -> {
        if (LineOutcome.DUPLICATE.equals(outcome.outcome())) {
          return stored(request);
        }
        return Future.succeededFuture(outcome.reserved()
            ? result(request, ReservationStatus.RESERVED, outcome.allocations(), List.of(), expiresAt)
            : result(request, ReservationStatus.REJECTED, List.of(), List.of(shortage(line, outcome)), expiresAt));
      });
    }
    return reservations.insertPending(pool, request, expiresAt, clock.instant()).compose(fresh -> fresh
        ? reserveLines(request, expiresAt) : stored(request));
  }

  private Future<Reservation> reserveLines(ReservationRequest request, Instant expiresAt) {
    List<Future<LineOutcome>> outcomes = request.lines().stream()
        .map(line -> lines.reserve(lineRequest(request, line, false, expiresAt))).toList();
    return Future.join(outcomes).transform(done -> {
      List<Allocation> held = new ArrayList<>();
      List<Shortage> shortages = new ArrayList<>();
      boolean failed = false;
      for (int i = 0; i < outcomes.size(); i++) {
        Future<LineOutcome> outcome = outcomes.get(i);
        if (outcome.failed()) {
          failed = true;
        } else if (outcome.result().reserved()) {
          held.addAll(outcome.result().allocations());
        } else {
          shortages.add(shortage(request.lines().get(i), outcome.result()));
        }
      }
      if (failed || !shortages.isEmpty()) {
        return reject(request, shortages, failed);
      }
      return reservations.markReserved(pool, request.id(), clock.instant()).compose(marked -> marked
          ? Future.succeededFuture(result(request, ReservationStatus.RESERVED, held, List.of(), expiresAt))
          : stored(request));
    });
  }

  /** Releases whatever lines were held; a line still in flight finds the reservation closed. */
  private Future<Reservation> reject(ReservationRequest request, List<Shortage> shortages, boolean failed) {
    JsonArray stored = new JsonArray();
    shortages.forEach(s -> stored.add(new JsonObject().put("sku", s.sku()).put("requested", s.requested())
        .put("reason", s.reason())));
    return reservations.finish(pool, request.id(), ReservationStatus.REJECTED, stored, ACTOR, clock.instant())
        .compose(finish -> failed
            ? Future.failedFuture(new Rejected(new Rejection.Unavailable(
                "A stock shard did not answer in time; nothing was reserved. Retry with the same reservation id.")))
            : stored(request));
  }

  private Future<Reservation> stored(ReservationRequest request) {
    return reservations.find(pool, request.id()).map(found -> found.orElseThrow(() ->
        new IllegalStateException("reservation " + request.id() + " vanished")));
  }

  private static LineRequest lineRequest(ReservationRequest request, ReservationLine line, boolean whole,
      Instant expiresAt) {
    return new LineRequest(request.id(), line.sku(), request.region(), line.quantity(), whole, request.reference(),
        expiresAt.toEpochMilli());
  }

  private static Shortage shortage(ReservationLine line, LineOutcome outcome) {
    String reason = Shortage.UNKNOWN.equals(outcome.outcome()) ? Shortage.UNKNOWN : Shortage.INSUFFICIENT;
    return new Shortage(line.sku(), line.quantity(), reason);
  }

  private static Reservation result(ReservationRequest request, ReservationStatus status, List<Allocation> held,
      List<Shortage> shortages, Instant expiresAt) {
    return new Reservation(request.id(), request.reference(), request.region(), status, request.lines(), held,
        shortages, expiresAt);
  }
}
