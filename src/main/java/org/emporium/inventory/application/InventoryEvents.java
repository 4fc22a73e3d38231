package org.emporium.inventory.application;

import io.vertx.core.json.JsonObject;
import org.emporium.inventory.domain.RegionStock;
import org.emporium.inventory.domain.ReservationStatus;
import org.emporium.inventory.domain.StockSignal;
import org.emporium.platform.events.OutboxEvent;

import java.util.UUID;

/** The inventory context's events: topics {@code inventory.stock.v1} (key SKU) and {@code inventory.reservation.v1}. */
public final class InventoryEvents {

  public static final String STOCK_TOPIC = "inventory.stock.v1";
  public static final String STOCK_CHANGED = "emporium.inventory.stock.changed.v1";

  private InventoryEvents() {
  }

  static OutboxEvent changed(RegionStock stock) {
    return OutboxEvent.of("stock", stock.sku(), "stock.changed", new JsonObject().put("sku", stock.sku())
        .put("region", stock.region()).put("available", stock.available()).put("onHand", stock.onHand())
        .put("reserved", stock.reserved()));
  }

  static OutboxEvent low(StockSignal signal) {
    return OutboxEvent.of("stock", signal.sku(), "stock.low", new JsonObject().put("sku", signal.sku())
        .put("warehouseId", signal.warehouseId().toString()).put("region", signal.region())
        .put("available", signal.available()).put("reorderLevel", signal.reorderLevel()));
  }

  /** {@code reservation.committed}, {@code .released}, {@code .expired} or {@code .returned}. */
  static OutboxEvent ended(UUID id, String reference, ReservationStatus status) {
    return OutboxEvent.of("reservation", id.toString(), "reservation." + status.code(), new JsonObject()
        .put("reservationId", id.toString()).put("reference", reference).put("status", status.code()));
  }
}
