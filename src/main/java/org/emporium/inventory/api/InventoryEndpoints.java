package org.emporium.inventory.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.inventory.application.Finishing;
import org.emporium.inventory.application.MovingStock;
import org.emporium.inventory.application.ReadingAvailability;
import org.emporium.inventory.application.Rejected;
import org.emporium.inventory.application.Reserving;
import org.emporium.inventory.domain.Movement;
import org.emporium.inventory.domain.Rejection;
import org.emporium.inventory.domain.Reservation;
import org.emporium.inventory.domain.ReservationStatus;
import org.emporium.inventory.domain.Violation;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.eventbus.ForwardedReply;
import org.emporium.platform.eventbus.ForwardedRequest;

import java.util.List;
import java.util.UUID;

/**
 * The operations behind the {@code inventory.*} addresses. Internal ones take plain JSON (callers
 * inside the cluster: checkout, the seeder); forwarded ones take the edge's envelope and check the
 * caller's permission: {@code inventory:manage} for stock movements, {@code inventory:reserve}
 * for reservations.
 */
final class InventoryEndpoints {

  static final String MANAGE = "inventory:manage";
  static final String RESERVE = "inventory:reserve";
  private static final String INTERNAL = "internal";

  private final Reserving reserving;
  private final Finishing finishing;
  private final MovingStock moving;
  private final ReadingAvailability reading;
  private final String region;
  private final long defaultTtl;

  InventoryEndpoints(Reserving reserving, Finishing finishing, MovingStock moving, ReadingAvailability reading,
      String region, long defaultTtl) {
    this.reserving = reserving;
    this.finishing = finishing;
    this.moving = moving;
    this.reading = reading;
    this.region = region;
    this.defaultTtl = defaultTtl;
  }

  Future<JsonObject> reserve(JsonObject body) {
    return reserving.reserve(InventoryRequests.reservation(body, region, defaultTtl)).compose(InventoryEndpoints::held);
  }

  Future<JsonObject> commit(JsonObject body) {
    return finishing.commit(reservationId(body.getValue("reservationId"), "/reservationId"), INTERNAL)
        .map(InventoryJson::reservation);
  }

  Future<JsonObject> release(JsonObject body) {
    return finishing.release(reservationId(body.getValue("reservationId"), "/reservationId"), INTERNAL)
        .map(InventoryJson::reservation);
  }

  Future<JsonObject> restock(JsonObject body) {
    return finishing.restock(reservationId(body.getValue("reservationId"), "/reservationId"), INTERNAL)
        .map(InventoryJson::reservation);
  }

  Future<JsonObject> availability(JsonObject body) {
    InventoryRequests in = InventoryRequests.of(body);
    List<String> skus = in.strings("skus");
    String wanted = in.string("region", false);
    in.done();
    return reading.available(skus, wanted == null ? region : wanted).map(levels -> {
      JsonArray items = new JsonArray();
      levels.forEach(l -> items.add(new JsonObject().put("sku", l.sku()).put("available", l.available())));
      return new JsonObject().put("items", items);
    });
  }

  Future<JsonObject> receive(JsonObject body) {
    InventoryRequests in = InventoryRequests.of(body);
    String sku = in.string("sku", true);
    MovingStock.Command command = new MovingStock.Command(sku, in.uuid("warehouseId", false), region,
        InventoryRequests.clamp(in.integer("quantity", true)), in.string("note", false), in.string("reference", false),
        body.getString("actor", INTERNAL));
    in.done();
    return moving.receive(command).compose(this::withAvailable);
  }

  Future<JsonObject> getStock(ForwardedRequest request) {
    String sku = request.path("sku");
    return reading.available(List.of(sku == null ? "" : sku), region).compose(levels -> levels.get(0).known()
        ? Future.succeededFuture(ForwardedReply.ok(new JsonObject().put("sku", sku)
            .put("available", levels.get(0).available()).put("region", region)))
        : Future.failedFuture(new Rejected(new Rejection.NotFound("No stock of SKU " + sku + " in region " + region + "."))));
  }

  Future<JsonObject> receiveStock(ForwardedRequest request) {
    return moving.receive(movement(request, "quantity", request.requirePermission(MANAGE)))
        .compose(this::withAvailable).map(json -> ForwardedReply.created(json, location(json)));
  }

  Future<JsonObject> returnStock(ForwardedRequest request) {
    return moving.returnStock(movement(request, "quantity", request.requirePermission(MANAGE)))
        .compose(this::withAvailable).map(json -> ForwardedReply.created(json, location(json)));
  }

  Future<JsonObject> adjustStock(ForwardedRequest request) {
    return moving.adjust(movement(request, "delta", request.requirePermission(MANAGE)))
        .compose(this::withAvailable).map(json -> ForwardedReply.created(json, location(json)));
  }

  Future<JsonObject> setReorderLevel(ForwardedRequest request) {
    request.requirePermission(MANAGE);
    InventoryRequests in = InventoryRequests.of(request.body());
    UUID warehouse = in.uuid("warehouseId", false);
    int level = InventoryRequests.clamp(in.integer("reorderLevel", true));
    in.done();
    String sku = request.path("sku");
    return moving.setReorderLevel(sku, warehouse, region, level).map(done -> ForwardedReply.ok(new JsonObject()
        .put("sku", sku).put("reorderLevel", level)));
  }

  Future<JsonObject> reserveStock(ForwardedRequest request) {
    request.requirePermission(RESERVE);
    return reserve(request.body()).map(json -> ForwardedReply.created(json,
        "/api/v1/inventory/reservations/" + json.getString("reservationId")));
  }

  Future<JsonObject> commitReservation(ForwardedRequest request) {
    Principal caller = request.requirePermission(RESERVE);
    return finishing.commit(reservationId(request.path("reservationId"), "reservationId"), caller.subject())
        .map(r -> ForwardedReply.ok(InventoryJson.reservation(r)));
  }

  Future<JsonObject> releaseReservation(ForwardedRequest request) {
    Principal caller = request.requirePermission(RESERVE);
    return finishing.release(reservationId(request.path("reservationId"), "reservationId"), caller.subject())
        .map(r -> ForwardedReply.ok(InventoryJson.reservation(r)));
  }

  Future<JsonObject> checkAvailability(ForwardedRequest request) {
    request.requirePermission(RESERVE);
    return availability(request.body()).map(ForwardedReply::ok);
  }

  private MovingStock.Command movement(ForwardedRequest request, String units, Principal caller) {
    InventoryRequests in = InventoryRequests.of(request.body());
    UUID warehouse = in.uuid("warehouseId", false);
    int quantity = InventoryRequests.clamp(in.integer(units, true));
    String note = in.string(units.equals("delta") ? "reason" : "note", units.equals("delta"));
    in.done();
    return new MovingStock.Command(request.path("sku"), warehouse, region, quantity, note,
        request.header("idempotency-key"), caller.subject());
  }

  private Future<JsonObject> withAvailable(Movement movement) {
    return reading.available(List.of(movement.sku()), region)
        .map(levels -> InventoryJson.movement(movement, levels.get(0).available()));
  }

  private static String location(JsonObject movement) {
    return "/api/v1/inventory/" + movement.getString("sku");
  }

  private static Future<JsonObject> held(Reservation reservation) {
    if (reservation.status() == ReservationStatus.REJECTED) {
      return Future.failedFuture(InventoryProblems.refused(reservation).toException());
    }
    return Future.succeededFuture(InventoryJson.reservation(reservation));
  }

  private static UUID reservationId(Object value, String field) {
    UUID id = InventoryRequests.parseUuid(value);
    if (id == null) {
      throw new Rejected(new Rejection.Invalid(List.of(new Violation(field, "must be a UUID"))));
    }
    return id;
  }
}
