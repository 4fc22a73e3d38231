package org.emporium.perf.run;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine's event relay draining a burst: rows the size of a typical envelope, written in one
 * transaction into the inventory context's outbox for a topic no consumer reads, then the time
 * from that commit until the relay has marked the last one published (sent to Kafka and
 * acknowledged, {@code acks=all}). The relay's own path is measured: claim, send, acknowledge,
 * mark; the writers' transactions are not (one bulk insert stands for them).
 */
final class RelayDrain {

  static final String TOPIC = "perf.relay.v1";
  private static final String SCHEMA = "inventory";
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final Postgres pg;

  RelayDrain(Postgres pg) {
    this.pg = pg;
  }

  ObjectNode measure(int primer, int burst, long timeoutSeconds) throws SQLException {
    try (Connection c = pg.connect()) {
      drain(c, primer, timeoutSeconds);
      double seconds = drain(c, burst, timeoutSeconds);
      return Json.object().put("tool", "outbox relay, a burst of " + burst + " events in " + SCHEMA + ".outbox")
          .put("events", burst).put("seconds", Math.round(seconds * 1000) / 1000.0)
          .put("perSecond", Math.round(burst / seconds * 10) / 10.0)
          .put("latencyNote", "paced writer, scheduled time to a consumer's receipt");
    }
  }

  /** Writes {@code rows} events, wakes the relay as a writer's commit does, and waits until all are published. */
  private double drain(Connection c, int rows, long timeoutSeconds) throws SQLException {
    c.setAutoCommit(false);
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + SCHEMA + ".outbox (id, topic, aggregate_id,"
        + " event_type, envelope, created_at) SELECT gen_random_uuid(), ?, 'perf-' || (g % 1000),"
        + " 'emporium.perf.relay.burst.v1', ? || g || ? , now() FROM generate_series(1, ?) g")) {
      String[] envelope = envelope();
      insert.setString(1, TOPIC);
      insert.setString(2, envelope[0]);
      insert.setString(3, envelope[1]);
      insert.setInt(4, rows);
      insert.executeUpdate();
    }
    c.commit();
    long start = System.nanoTime();
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      s.execute("SELECT pg_notify('emporium_outbox', '" + SCHEMA + "')");
    }
    try (PreparedStatement left = c.prepareStatement("SELECT count(*) FROM " + SCHEMA + ".outbox"
        + " WHERE published_at IS NULL AND topic = ?")) {
      left.setString(1, TOPIC);
      while (true) {
        try (ResultSet r = left.executeQuery()) {
          r.next();
          if (r.getLong(1) == 0) {
            return (System.nanoTime() - start) / 1e9;
          }
        }
        if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(timeoutSeconds)) {
          throw new IllegalStateException("the relay did not publish " + rows + " events within " + timeoutSeconds + " s");
        }
        LockSupport.parkNanos(POLL_NANOS);
      }
    }
  }

  /** A CloudEvents envelope of about {@link ProducerBaseline#RECORD_SIZE} bytes around a sequence number. */
  static String[] envelope() {
    String head = "{\"specversion\":\"1.0\",\"id\":\"00000000-0000-7000-8000-000000000000\",\"source\":"
        + "\"/emporium/perf/inventory\",\"type\":\"emporium.perf.relay.burst.v1\",\"time\":\"2026-01-01T00:00:00Z\","
        + "\"datacontenttype\":\"application/json\",\"subject\":\"perf\",\"region\":\"perf\",\"schemaversion\":1,"
        + "\"data\":{\"sequence\":";
    String tail = ",\"padding\":\"";
    int padding = ProducerBaseline.RECORD_SIZE - head.length() - tail.length() - 10;
    return new String[] {head, tail + "x".repeat(Math.max(0, padding)) + "\"}}"};
  }
}
