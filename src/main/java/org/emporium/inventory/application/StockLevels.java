package org.emporium.inventory.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import org.emporium.inventory.domain.Movement;
import org.emporium.inventory.domain.RegionStock;
import org.emporium.inventory.domain.StockSignal;
import org.emporium.inventory.domain.Warehouse;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Stock rows, warehouses and the ledger. Methods run on the client given, so they can join a transaction. */
public interface StockLevels {

  /** Records the warehouse unless one with its id or its region and code exists. */
  Future<Void> ensureWarehouse(SqlClient client, Warehouse warehouse);

  Future<Optional<Warehouse>> warehouse(SqlClient client, UUID id);

  /** Whether any warehouse holds a stock row of the SKU. */
  Future<Boolean> known(SqlClient client, String sku);

  /** Creates the row at zero unless it exists. */
  Future<Void> ensureRow(SqlClient client, String sku, UUID warehouseId);

  /** The earlier movement of this kind with this reference, if any (a repeated receipt is a no-op). */
  Future<Optional<Movement>> byReference(SqlClient client, String sku, UUID warehouseId, String kind, String reference);

  /** Adds units on hand and records the movement; empty when there is no row. */
  Future<Optional<Movement>> receive(SqlClient client, String sku, UUID warehouseId, int quantity, String note,
      String reference, String actor, Instant now);

  /** Puts units a customer sent back on hand and records the movement; empty when there is no row. */
  Future<Optional<Movement>> returned(SqlClient client, String sku, UUID warehouseId, int quantity, String note,
      String reference, String actor, Instant now);

  /** Moves on hand by a signed delta unless it would go below reserved; empty when refused or no row. */
  Future<Optional<Movement>> adjust(SqlClient client, String sku, UUID warehouseId, int delta, String reason,
      String reference, String actor, Instant now);

  /** Sets the reorder level; false when there is no row. */
  Future<Boolean> setReorderLevel(SqlClient client, String sku, UUID warehouseId, int level);

  /** Available units per SKU over the region's warehouses; SKUs without rows are left out. */
  Future<Map<String, Long>> available(SqlClient client, Collection<String> skus, String region);

  /** Takes (clears) up to {@code limit} pending signals; rows locked by a writer wait for the next round. */
  Future<List<StockSignal>> takeSignals(SqlClient client, int limit);

  /** Levels summed per region for the SKUs. */
  Future<List<RegionStock>> regions(SqlClient client, Collection<String> skus);
}
