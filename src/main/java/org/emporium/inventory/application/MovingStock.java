package org.emporium.inventory.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.emporium.inventory.domain.Movement;
import org.emporium.inventory.domain.Rejection;
import org.emporium.inventory.domain.StockRules;
import org.emporium.inventory.domain.Violation;
import org.emporium.inventory.domain.Warehouse;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Admin movements: receipts, customer returns, adjustments (never below what is reserved) and reorder levels. The
 * first receipt of a SKU asks the catalog whether it exists. A repeated reference is answered with
 * the first movement and changes nothing.
 */
public final class MovingStock {

  public static final int MAX_UNITS = 1_000_000;
  private static final int MAX_NOTE = 4000;

  private final Pool pool;
  private final StockLevels stock;
  private final Catalog catalog;
  private final Clock clock;

  public MovingStock(Pool pool, StockLevels stock, Catalog catalog, Clock clock) {
    this.pool = pool;
    this.stock = stock;
    this.catalog = catalog;
    this.clock = clock;
  }

  /** A receipt or adjustment; {@code warehouseId} null means the region's main warehouse. */
  public record Command(String sku, UUID warehouseId, String region, int quantity, String note, String reference,
      String actor) {
  }

  public Future<Movement> receive(Command command) {
    return add(command, "received");
  }

  /** Units a customer sent back, on hand again (a return of an order line, by its reference). */
  public Future<Movement> returnStock(Command command) {
    return add(command, "returned");
  }

  private Future<Movement> add(Command command, String kind) {
    List<Violation> violations = common(command);
    if (command.quantity() < 1 || command.quantity() > MAX_UNITS) {
      violations.add(new Violation("/quantity", "must be from 1 to " + MAX_UNITS));
    }
    return check(violations).compose(v -> warehouse(command))
        .compose(warehouse -> known(command.sku()).map(warehouse))
        .compose(warehouse -> pool.withTransaction(tx -> stock.ensureRow(tx, command.sku(), warehouse)
            .compose(v -> earlier(tx, command, warehouse, kind))
            .compose(earlier -> earlier.isPresent() ? Future.succeededFuture(earlier)
                : kind.equals("returned")
                    ? stock.returned(tx, command.sku(), warehouse, command.quantity(), command.note(),
                        command.reference(), command.actor(), clock.instant())
                    : stock.receive(tx, command.sku(), warehouse, command.quantity(), command.note(),
                        command.reference(), command.actor(), clock.instant()))))
        .map(Optional::orElseThrow);
  }

  public Future<Movement> adjust(Command command) {
    List<Violation> violations = common(command);
    if (command.quantity() == 0 || Math.abs(command.quantity()) > MAX_UNITS) {
      violations.add(new Violation("/delta", "must be from -" + MAX_UNITS + " to " + MAX_UNITS + ", not 0"));
    }
    if (command.note() == null || command.note().isBlank()) {
      violations.add(new Violation("/reason", "is required"));
    }
    return check(violations).compose(v -> warehouse(command))
        .compose(warehouse -> pool.withTransaction(tx -> earlier(tx, command, warehouse, "adjusted")
            .compose(earlier -> earlier.isPresent() ? Future.succeededFuture(earlier)
                : stock.adjust(tx, command.sku(), warehouse, command.quantity(), command.note(), command.reference(),
                    command.actor(), clock.instant()))))
        .compose(moved -> moved.isPresent() ? Future.succeededFuture(moved.get())
            : stock.known(pool, command.sku()).compose(known -> Future.failedFuture(new Rejected(known
                ? new Rejection.Unprocessable("The adjustment would leave fewer units on hand than are reserved.")
                : new Rejection.NotFound("No stock of SKU " + command.sku() + " in that warehouse.")))));
  }

  public Future<Void> setReorderLevel(String sku, UUID warehouseId, String region, int level) {
    List<Violation> violations = new ArrayList<>();
    if (!StockRules.validSku(sku)) {
      violations.add(new Violation("sku", "must be a SKU"));
    }
    if (level < 0 || level > MAX_UNITS) {
      violations.add(new Violation("/reorderLevel", "must be from 0 to " + MAX_UNITS));
    }
    return check(violations).compose(v -> warehouse(new Command(sku, warehouseId, region, 0, null, null, null)))
        .compose(warehouse -> stock.setReorderLevel(pool, sku, warehouse, level))
        .compose(set -> set ? Future.succeededFuture()
            : Future.failedFuture(new Rejected(new Rejection.NotFound("No stock of SKU " + sku + " in that warehouse."))));
  }

  private Future<Optional<Movement>> earlier(io.vertx.sqlclient.SqlClient tx, Command command, UUID warehouse,
      String kind) {
    return command.reference() == null ? Future.succeededFuture(Optional.empty())
        : stock.byReference(tx, command.sku(), warehouse, kind, command.reference());
  }

  private static List<Violation> common(Command command) {
    List<Violation> violations = new ArrayList<>();
    if (!StockRules.validSku(command.sku())) {
      violations.add(new Violation("sku", "must be a SKU (letters, digits, '.', '_', '-', up to 64)"));
    }
    if (command.note() != null && command.note().length() > MAX_NOTE) {
      violations.add(new Violation("/note", "must be at most " + MAX_NOTE + " characters"));
    }
    if (command.reference() != null && command.reference().length() > StockRules.MAX_REFERENCE) {
      violations.add(new Violation("/reference", "must be at most " + StockRules.MAX_REFERENCE + " characters"));
    }
    return violations;
  }

  private static Future<Void> check(List<Violation> violations) {
    return violations.isEmpty() ? Future.succeededFuture()
        : Future.failedFuture(new Rejected(new Rejection.Invalid(violations)));
  }

  private Future<UUID> warehouse(Command command) {
    if (command.warehouseId() == null) {
      return Future.succeededFuture(Warehouse.main(command.region()).id());
    }
    return stock.warehouse(pool, command.warehouseId()).compose(found -> found.isPresent()
        ? Future.succeededFuture(found.get().id())
        : Future.failedFuture(new Rejected(new Rejection.NotFound("No warehouse " + command.warehouseId() + "."))));
  }

  /** A SKU with stock is known; otherwise the catalog decides. */
  private Future<Void> known(String sku) {
    return stock.known(pool, sku).compose(known -> known ? Future.succeededFuture()
        : catalog.missing(Set.of(sku))
            .recover(failure -> Future.failedFuture(new Rejected(new Rejection.Unavailable(
                "The catalog did not answer whether SKU " + sku + " exists; retry later."))))
            .compose(missing -> missing.isEmpty() ? Future.<Void>succeededFuture()
                : Future.failedFuture(new Rejected(new Rejection.NotFound("The catalog has no SKU " + sku + ".")))));
  }
}
