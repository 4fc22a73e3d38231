package org.emporium.inventory.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.inventory.domain.Movement;
import org.emporium.inventory.domain.Reservation;

/** Replies as JSON, in one place. */
final class InventoryJson {

  private InventoryJson() {
  }

  static JsonObject reservation(Reservation r) {
    JsonArray lines = new JsonArray();
    r.lines().forEach(l -> lines.add(new JsonObject().put("sku", l.sku()).put("quantity", l.quantity())));
    JsonArray allocations = new JsonArray();
    r.allocations().forEach(a -> allocations.add(new JsonObject().put("sku", a.sku())
        .put("warehouseId", a.warehouseId().toString()).put("quantity", a.quantity())));
    return new JsonObject().put("reservationId", r.id().toString()).put("reference", r.reference())
        .put("region", r.region()).put("status", r.status().code()).put("lines", lines)
        .put("allocations", allocations).put("expiresAt", r.expiresAt().toString());
  }

  static JsonObject movement(Movement m, long regionAvailable) {
    JsonObject json = new JsonObject().put("movementId", m.id().toString()).put("sku", m.sku())
        .put("warehouseId", m.warehouseId().toString()).put("kind", m.kind()).put("quantity", m.quantity())
        .put("onHand", m.onHandAfter()).put("available", regionAvailable).put("createdAt", m.createdAt().toString());
    if (m.note() != null) {
      json.put("note", m.note());
    }
    return json;
  }
}
