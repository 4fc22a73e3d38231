package org.emporium.reliability.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The books after a fault, read from the contexts' own tables once the load has stopped and the
 * sweepers have had their lease: every figure is a count of harm (target 0) over the whole run.
 */
final class Reconciliation {

  /** An order the shop acknowledged (201) to the shopper of a cart. */
  record Ack(UUID orderId, UUID cartId) {
  }

  private static final String ACKED_NOT_PAID = """
      SELECT count(*) FROM unnest(?::uuid[]) AS a(id)
      WHERE NOT EXISTS (SELECT 1 FROM ordering.orders o JOIN payment.payment p ON p.id = o.payment_id
        WHERE o.id = a.id AND o.status = 'paid' AND p.status = 'captured' AND p.captured = o.total)""";
  private static final String CARTS_WITH_TWO_ORDERS = """
      SELECT count(*) FROM (SELECT s.cart_id FROM checkout.saga s JOIN ordering.orders o ON o.id = s.order_id
        WHERE o.status <> 'cancelled' GROUP BY s.cart_id HAVING count(*) > 1) t""";
  private static final String UNFINISHED = "SELECT count(*) FROM checkout.saga WHERE state IN ('running', 'compensating')";
  private static final String COMPLETED_BUT = """
      SELECT count(*) FROM checkout.saga s LEFT JOIN ordering.orders o ON o.id = s.order_id
        LEFT JOIN payment.payment p ON p.id = s.payment_id LEFT JOIN inventory.reservation r ON r.id = s.reservation_id
      WHERE s.state = 'completed' AND NOT (o.status IS NOT DISTINCT FROM 'paid' AND p.status IS NOT DISTINCT FROM
        'captured' AND p.captured IS NOT DISTINCT FROM o.total AND r.status IS NOT DISTINCT FROM 'committed')""";
  private static final String FAILED_BUT = """
      SELECT count(*) FROM checkout.saga s LEFT JOIN ordering.orders o ON o.id = s.order_id
        LEFT JOIN payment.payment p ON p.id = s.payment_id LEFT JOIN inventory.reservation r ON r.id = s.reservation_id
      WHERE s.state = 'failed' AND (coalesce(o.status, 'cancelled') NOT IN ('cancelled', 'pending')
        OR coalesce(p.captured, 0) <> 0 OR r.status IS NOT DISTINCT FROM 'committed')""";
  /**
   * Figures reported, not asserted: orders left {@code pending} and reservations held until their
   * expiry by a saga that already ended (a step request that landed after its compensation).
   */
  static final List<String> REPORTED = List.of("strandedOrders", "reservationsHeldUntilExpiry");
  private static final String STRANDED_ORDERS =
      "SELECT count(*) FROM ordering.orders WHERE status IN ('pending', 'awaiting_payment')";
  private static final String STOCK = """
      SELECT st.sku, sum(st.on_hand) AS on_hand, sum(st.reserved) AS reserved,
        count(*) FILTER (WHERE st.on_hand < 0 OR st.reserved < 0 OR st.reserved > st.on_hand) AS broken,
        (SELECT coalesce(sum(l.quantity), 0) FROM inventory.ledger l WHERE l.sku = st.sku AND l.kind = 'received') AS received,
        (SELECT coalesce(sum(ol.quantity), 0) FROM ordering.order_line ol JOIN ordering.orders o ON o.id = ol.order_id
          WHERE ol.sku = st.sku AND o.status = 'paid') AS sold
      FROM inventory.stock st WHERE st.sku = ANY(?) GROUP BY st.sku""";
  private static final String HELD_RESERVATIONS =
      "SELECT count(*) FROM inventory.reservation WHERE status IN ('pending', 'reserved')";
  /** Inventory's sweeper ends a reservation at its expiry, within its interval: past that, a leak. */
  private static final String HELD_PAST_EXPIRY = "SELECT count(*) FROM inventory.reservation "
      + "WHERE status IN ('pending', 'reserved') AND expires_at < now() - interval '10 seconds'";
  private static final String AUTHORISED_ONLY = "SELECT count(*) FROM payment.payment WHERE status = 'authorised'";
  private static final String CARTS_CHARGED_TWICE = """
      SELECT count(*) FROM (SELECT s.cart_id FROM checkout.saga s JOIN payment.payment p ON p.id = s.payment_id
        WHERE p.captured > 0 GROUP BY s.cart_id HAVING count(*) > 1) t""";
  private static final String CHARGED_WITHOUT_ORDER = """
      SELECT count(*) FROM payment.payment p WHERE p.captured > 0
        AND NOT EXISTS (SELECT 1 FROM ordering.orders o WHERE o.payment_id = p.id AND o.status = 'paid')""";
  private static final String MONEY = """
      SELECT (SELECT coalesce(sum(captured), 0) FROM payment.payment)
        - (SELECT coalesce(sum(total), 0) FROM ordering.orders WHERE status = 'paid')""";

  private Reconciliation() {
  }

  /** Figures in a fixed order: the zero-target names first, then the detail asserted with them. */
  static Map<String, Long> figures(Connection db, Collection<Ack> acks, List<String> skus) throws SQLException {
    Map<String, Long> figures = new LinkedHashMap<>();
    UUID[] acked = acks.stream().map(Ack::orderId).distinct().toArray(UUID[]::new);
    long ackedTwice = acks.stream().distinct().map(Ack::orderId).count() - acked.length;
    figures.put("lost", count(db, ACKED_NOT_PAID, (Object) acked));
    figures.put("duplicated", ackedTwice + count(db, CARTS_WITH_TWO_ORDERS));
    figures.put("unfinishedSagas", count(db, UNFINISHED));
    long oversold = 0;
    long drift = 0;
    try (PreparedStatement statement = db.prepareStatement(STOCK)) {
      statement.setArray(1, db.createArrayOf("text", skus.toArray()));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          long sold = rows.getLong("sold");
          long received = rows.getLong("received");
          oversold += Math.max(0, sold - received) + rows.getLong("broken");
          drift += Math.abs(received - rows.getLong("on_hand") - sold);
        }
      }
    }
    figures.put("oversold", oversold);
    figures.put("doubleCharged", count(db, CARTS_CHARGED_TWICE) + count(db, CHARGED_WITHOUT_ORDER));
    figures.put("leaked", count(db, HELD_PAST_EXPIRY) + count(db, AUTHORISED_ONLY));
    figures.put("stockDrift", drift);
    figures.put("moneyDrift", Math.abs(count(db, MONEY)));
    figures.put("inconsistentSagas", count(db, COMPLETED_BUT) + count(db, FAILED_BUT));
    figures.put(REPORTED.get(0), count(db, STRANDED_ORDERS));
    figures.put(REPORTED.get(1), count(db, HELD_RESERVATIONS) - count(db, HELD_PAST_EXPIRY));
    return figures;
  }

  /** The sagas whose outcome disagrees with their order, payment or reservation, for the log. */
  static List<String> inconsistencies(Connection db) throws SQLException {
    List<String> found = new ArrayList<>(Sql.strings(db, """
        SELECT concat_ws(' ', 'saga', s.id, s.state, 'step', s.step, 'attempt', s.attempt, 'order', o.status,
          'payment', p.status, p.captured, 'reservation', r.status, 'answered', s.outcome->>'status',
          s.outcome->'body'->>'detail')
        FROM checkout.saga s LEFT JOIN ordering.orders o ON o.id = s.order_id
          LEFT JOIN payment.payment p ON p.id = s.payment_id LEFT JOIN inventory.reservation r ON r.id = s.reservation_id
        WHERE (s.state = 'completed' AND NOT (o.status IS NOT DISTINCT FROM 'paid' AND p.status IS NOT DISTINCT FROM
          'captured' AND p.captured IS NOT DISTINCT FROM o.total AND r.status IS NOT DISTINCT FROM 'committed'))
        OR (s.state = 'failed' AND (coalesce(o.status, 'cancelled') <> 'cancelled' OR coalesce(p.captured, 0) <> 0
          OR coalesce(r.status, 'released') IN ('pending', 'reserved', 'committed')))
        OR s.state IN ('running', 'compensating') LIMIT 20"""));
    found.addAll(Sql.strings(db, "SELECT concat_ws(' ', 'order', id, status, 'checkout', checkout_id) FROM ordering.orders "
        + "WHERE status IN ('pending', 'awaiting_payment') LIMIT 20"));
    found.addAll(Sql.strings(db, "SELECT concat_ws(' ', 'reservation', id, status, reference) FROM inventory.reservation "
        + "WHERE status IN ('pending', 'reserved') LIMIT 20"));
    found.addAll(Sql.strings(db, "SELECT concat_ws(' ', 'payment', id, status, reference) FROM payment.payment "
        + "WHERE status = 'authorised' LIMIT 20"));
    return found;
  }

  static long held(Connection db) throws SQLException {
    return count(db, HELD_RESERVATIONS);
  }

  /** Whether every saga has ended. */
  static boolean settled(Connection db) throws SQLException {
    return count(db, UNFINISHED) == 0;
  }

  /** The figures of harm added since {@code before}. */
  static Map<String, Long> since(Map<String, Long> before, Map<String, Long> now) {
    Map<String, Long> delta = new LinkedHashMap<>();
    now.forEach((name, value) -> delta.put(name, Math.max(0, value - before.getOrDefault(name, 0L))));
    return delta;
  }

  private static long count(Connection db, String sql, Object... args) throws SQLException {
    return Sql.count(db, sql, args);
  }
}
