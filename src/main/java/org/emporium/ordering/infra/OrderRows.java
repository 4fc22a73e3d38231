package org.emporium.ordering.infra;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.emporium.ordering.domain.Order;
import org.emporium.ordering.domain.OrderLine;
import org.emporium.ordering.domain.OrderStatus;
import org.emporium.ordering.domain.Totals;
import org.emporium.ordering.domain.Transition;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Rows of {@link PgOrders}'s queries as orders. */
final class OrderRows {

  private OrderRows() {
  }

  /** With {@code details}, the lines and history columns are read too; list rows leave them out. */
  static Order order(Row row, boolean details) {
    List<OrderLine> lines = new ArrayList<>();
    List<Transition> history = new ArrayList<>();
    if (details) {
      for (Object item : PgOrders.array(row.getJson("lines"))) {
        JsonObject l = (JsonObject) item;
        lines.add(new OrderLine(l.getString("sku"), l.getInteger("quantity"), l.getLong("unitPrice"),
            l.getLong("subtotal"), l.getLong("discount"), l.getLong("tax"), l.getLong("total")));
      }
      for (Object item : PgOrders.array(row.getJson("history"))) {
        JsonObject t = (JsonObject) item;
        history.add(new Transition(t.getString("from") == null ? null : status(t.getString("from")),
            status(t.getString("to")), Instant.EPOCH.plus(t.getLong("at"), ChronoUnit.MICROS), t.getString("actor"),
            t.getString("reason")));
      }
    }
    return new Order(row.getUUID("id"), row.getUUID("checkout_id"), row.getUUID("customer_id"), row.getString("email"),
        status(row.getString("status")), row.getString("currency"), lines,
        new Totals(row.getLong("subtotal"), row.getLong("discount_total"), row.getLong("shipping"),
            row.getLong("tax_total"), row.getLong("total")),
        row.getBoolean("tax_inclusive"), PgOrders.json(row.getJson("coupons")), PgOrders.json(row.getJson("fx_rates")),
        PgOrders.json(row.getJson("shipping_address")), row.getUUID("payment_id"), row.getUUID("reservation_id"),
        row.getString("region"), row.getLong("refunded"), history, row.getOffsetDateTime("created_at").toInstant(),
        row.getOffsetDateTime("updated_at").toInstant(), row.getLong("version"));
  }

  private static OrderStatus status(String code) {
    return OrderStatus.parse(code).orElseThrow(() -> new IllegalStateException("unknown order status " + code));
  }
}
