package org.emporium.inventory.application;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.inventory.domain.StockRules;
import org.emporium.inventory.domain.Warehouse;
import org.emporium.platform.config.ConfigException;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.config.Settings;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** {@code inventory.*}: see docs/inventory.md. {@code shards} 0 means one per event loop. */
public record InventorySettings(int shards, long reservationTtlSeconds, StockRules rules, int maxBatch,
    long sweepIntervalMs, long endedRetentionHours, long signalIntervalMs, long catalogTimeoutMs,
    List<Warehouse> warehouses) {

  public static InventorySettings from(NodeConfig config, int eventLoops) {
    Settings s = Settings.of(config).child("inventory");
    int shards = (int) s.nonNegative("shards");
    StockRules rules = new StockRules((int) s.positive("maxLineQuantity"), (int) s.positive("maxLines"),
        s.positive("maxTtlSeconds"));
    List<Warehouse> warehouses = new ArrayList<>();
    Object listed = s.json().getValue("warehouses");
    if (listed instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        warehouses.add(warehouse(array.getValue(i), i));
      }
    }
    return new InventorySettings(shards == 0 ? eventLoops : shards, s.positive("reservationTtlSeconds"), rules,
        (int) s.positive("maxBatch"), s.positive("sweepIntervalMs"), s.positive("endedRetentionHours"),
        s.positive("signalIntervalMs"),
        s.positive("catalogTimeoutMs"), List.copyOf(warehouses));
  }

  private static Warehouse warehouse(Object value, int index) {
    String at = "inventory.warehouses[" + index + "]";
    if (!(value instanceof JsonObject json) || json.getString("id") == null || json.getString("code") == null
        || json.getString("region") == null) {
      throw new ConfigException(at + " must be an object with id, code and region (and optional priority)");
    }
    try {
      return new Warehouse(UUID.fromString(json.getString("id")), json.getString("code"), json.getString("region"),
          json.getInteger("priority", 0));
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new ConfigException(at + ": " + e.getMessage());
    }
  }
}
