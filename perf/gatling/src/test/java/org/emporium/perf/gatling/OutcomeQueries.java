package org.emporium.perf.gatling;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The figures of a run read from the node's PostgreSQL. A run's checkouts are the sagas whose
 * email is in the run's own domain, so other traffic on the node (or earlier runs) counts for nothing;
 * the stock checks cover every stock row.
 */
public final class OutcomeQueries implements AutoCloseable {

  private static final String RUN_SAGAS = "WITH s AS (SELECT id, state, order_id, payment_id, reservation_id "
      + "FROM checkout.saga WHERE context->>'email' LIKE ?) ";

  private final Connection connection;
  private final String emailPattern;

  public OutcomeQueries(PerfConfig config, Run run) throws SQLException {
    connection = DriverManager.getConnection(config.pgUrl(), config.pgUser(), config.pgPassword());
    connection.setAutoCommit(true);
    emailPattern = "%@" + run.emailDomain();
  }

  public long unfinishedSagas() throws SQLException {
    return row(RUN_SAGAS + "SELECT count(*) AS n FROM s WHERE state IN ('running', 'compensating')", emailPattern)
        .get("n");
  }

  /** Sagas, orders, captures, units sold and held reservations of this run's checkouts. */
  public Map<String, Long> checkouts() throws SQLException {
    Map<String, Long> figures = new LinkedHashMap<>(row(RUN_SAGAS + "SELECT count(*) AS checkouts, "
        + "count(*) FILTER (WHERE state = 'completed') AS sagas_completed, "
        + "count(*) FILTER (WHERE state = 'failed') AS sagas_failed, "
        + "count(*) FILTER (WHERE state IN ('running', 'compensating')) AS sagas_unfinished FROM s", emailPattern));
    figures.putAll(row(RUN_SAGAS + "SELECT "
        + "(SELECT count(*) FROM ordering.orders o JOIN s ON o.id = s.order_id WHERE o.status = 'paid') AS orders_paid, "
        + "(SELECT count(*) FROM payment.payment p JOIN s ON p.id = s.payment_id WHERE p.captured > 0) AS payments_captured, "
        + "(SELECT count(*) FROM ordering.orders o JOIN s ON o.id = s.order_id LEFT JOIN payment.payment p ON p.id = s.payment_id "
        + "  WHERE o.status = 'paid' AND (p.id IS NULL OR p.status <> 'captured' OR p.captured <> o.total "
        + "  OR p.currency <> o.currency)) AS paid_without_matching_capture, "
        + "(SELECT coalesce(sum(l.quantity), 0) FROM inventory.ledger l JOIN s ON l.reference = s.reservation_id::text "
        + "  WHERE l.kind = 'sold') AS units_sold, "
        + "(SELECT coalesce(sum(ol.quantity), 0) FROM ordering.order_line ol JOIN s ON ol.order_id = s.order_id "
        + "  JOIN ordering.orders o ON o.id = ol.order_id WHERE o.status = 'paid') AS units_ordered, "
        + "(SELECT count(*) FROM inventory.reservation r JOIN s ON r.id = s.reservation_id "
        + "  WHERE r.status IN ('pending', 'reserved')) AS reservations_held", emailPattern));
    return figures;
  }

  /** Stock rows below zero anywhere, and rows whose levels differ from the sums of their ledger. */
  public Map<String, Long> stock() throws SQLException {
    return row("SELECT "
        + "(SELECT count(*) FROM inventory.stock WHERE on_hand < 0 OR reserved < 0 OR available < 0) AS negative_stock_rows, "
        + "(SELECT count(*) FROM inventory.stock st CROSS JOIN LATERAL (SELECT "
        + "  coalesce(sum(l.on_hand_after - l.on_hand_before), 0) AS on_hand, "
        + "  coalesce(sum(l.reserved_after - l.reserved_before), 0) AS reserved "
        + "  FROM inventory.ledger l WHERE l.sku = st.sku AND l.warehouse_id = st.warehouse_id) ledger "
        + "  WHERE st.on_hand <> ledger.on_hand OR st.reserved <> ledger.reserved) AS ledger_mismatches");
  }

  /** Units of the flash SKU this run sold, and the paid orders (and their units) that hold it. */
  public Map<String, Long> flash(String sku) throws SQLException {
    return row(RUN_SAGAS + "SELECT "
        + "(SELECT coalesce(sum(l.quantity), 0) FROM inventory.ledger l JOIN s ON l.reference = s.reservation_id::text "
        + "  WHERE l.kind = 'sold' AND l.sku = ?) AS units_sold, "
        + "(SELECT count(DISTINCT o.id) FROM ordering.orders o JOIN s ON o.id = s.order_id "
        + "  JOIN ordering.order_line ol ON ol.order_id = o.id WHERE o.status = 'paid' AND ol.sku = ?) AS orders, "
        + "(SELECT coalesce(sum(ol.quantity), 0) FROM ordering.orders o JOIN s ON o.id = s.order_id "
        + "  JOIN ordering.order_line ol ON ol.order_id = o.id WHERE o.status = 'paid' AND ol.sku = ?) AS units_ordered",
        emailPattern, sku, sku, sku);
  }

  /** How many of the orders clients were answered 201 for are not paid (or do not exist). */
  public long confirmedNotPaid(Set<String> orderIds) throws SQLException {
    if (orderIds.isEmpty()) {
      return 0;
    }
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT count(*) FROM ordering.orders WHERE id = ANY (?::uuid[]) AND status = 'paid'")) {
      statement.setArray(1, connection.createArrayOf("text", orderIds.toArray()));
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return orderIds.size() - rows.getLong(1);
      }
    }
  }

  private Map<String, Long> row(String sql, String... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        ResultSetMetaData meta = rows.getMetaData();
        Map<String, Long> values = new LinkedHashMap<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
          values.put(meta.getColumnLabel(c), rows.getLong(c));
        }
        return values;
      }
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
