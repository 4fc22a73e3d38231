package org.emporium.edge.grpc;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.edge.grpc.inventory.v1.Allocation;
import org.emporium.edge.grpc.inventory.v1.Availability;
import org.emporium.edge.grpc.inventory.v1.GetAvailabilityRequest;
import org.emporium.edge.grpc.inventory.v1.Line;
import org.emporium.edge.grpc.inventory.v1.Reservation;
import org.emporium.edge.grpc.inventory.v1.ReserveRequest;

/** Between {@code emporium.inventory.v1} messages and the JSON the inventory context speaks. */
final class InventoryMessages {

  private InventoryMessages() {
  }

  static JsonObject reserve(ReserveRequest request) {
    JsonArray lines = new JsonArray();
    request.getLinesList().forEach(l -> lines.add(new JsonObject().put("sku", l.getSku()).put("quantity", l.getQuantity())));
    JsonObject body = new JsonObject().put("reservationId", request.getReservationId())
        .put("reference", request.getReference()).put("lines", lines);
    if (request.hasRegion()) {
      body.put("region", request.getRegion());
    }
    if (request.hasTtlSeconds()) {
      body.put("ttlSeconds", request.getTtlSeconds());
    }
    return body;
  }

  static JsonObject availability(GetAvailabilityRequest request) {
    JsonObject body = new JsonObject().put("skus", new JsonArray(request.getSkusList()));
    if (request.hasRegion()) {
      body.put("region", request.getRegion());
    }
    return body;
  }

  static Reservation reservation(JsonObject json) {
    Reservation.Builder out = Reservation.newBuilder().setReservationId(json.getString("reservationId", ""))
        .setReference(json.getString("reference", "")).setRegion(json.getString("region", ""))
        .setStatus(json.getString("status", "")).setExpiresAt(json.getString("expiresAt", ""));
    json.getJsonArray("lines", new JsonArray()).forEach(item -> {
      JsonObject line = (JsonObject) item;
      out.addLines(Line.newBuilder().setSku(line.getString("sku")).setQuantity(line.getInteger("quantity")));
    });
    json.getJsonArray("allocations", new JsonArray()).forEach(item -> {
      JsonObject a = (JsonObject) item;
      out.addAllocations(Allocation.newBuilder().setSku(a.getString("sku")).setWarehouseId(a.getString("warehouseId"))
          .setQuantity(a.getInteger("quantity")));
    });
    return out.build();
  }

  static Availability availability(JsonObject json) {
    Availability.Builder out = Availability.newBuilder();
    json.getJsonArray("items", new JsonArray()).forEach(item -> {
      JsonObject level = (JsonObject) item;
      out.addItems(Availability.Item.newBuilder().setSku(level.getString("sku")).setAvailable(level.getLong("available")));
    });
    return out.build();
  }
}
