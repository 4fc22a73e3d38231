package org.emporium.perf.run;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The two pgbench baselines on the node's own PostgreSQL: the inventory's hot row (a one-row
 * conditional UPDATE, as perf/inventory runs it) and one checkout's SQL ({@code
 * perf/checkout.pgbench.sql}, pointed at the SKUs and region the engine's checkouts used).
 */
final class SqlBaselines {

  private final Postgres pg;
  private final Path work;
  private final int[] clients;
  private final int seconds;

  SqlBaselines(Postgres pg, Path work, int[] clients, int seconds) throws SQLException {
    this.pg = pg;
    this.work = work;
    this.clients = within(clients, freeConnections(pg));
    this.seconds = seconds;
  }

  /** Connections the server still takes: the node's pools hold many of {@code max_connections}. */
  private static int freeConnections(Postgres pg) throws SQLException {
    try (Connection c = pg.connect(); Statement s = c.createStatement();
         ResultSet r = s.executeQuery("SELECT current_setting('max_connections')::int"
             + " - current_setting('superuser_reserved_connections')::int - count(*) FROM pg_stat_activity")) {
      r.next();
      return r.getInt(1) - 4;
    }
  }

  private static int[] within(int[] clients, int free) {
    int[] kept = java.util.Arrays.stream(clients).map(c -> Math.min(c, Math.max(1, free))).distinct().toArray();
    return kept;
  }

  ObjectNode hotRow() throws SQLException, IOException {
    try (Connection c = pg.connect(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS public.bench_hot_row");
      s.execute("CREATE TABLE public.bench_hot_row (sku text PRIMARY KEY, available int NOT NULL CHECK (available >= 0))");
      s.execute("INSERT INTO public.bench_hot_row VALUES ('HOT-1', 1000000000)");
    }
    Path script = work.resolve("hot-row.sql");
    Files.writeString(script,
        "UPDATE public.bench_hot_row SET available = available - 1 WHERE sku = :sku AND available >= 1;\n");
    return new PgBench(pg, work).measure(script, List.of("sku=HOT-1"), clients, seconds)
        .put("tool", "pgbench, one-row conditional UPDATE (hot row)");
  }

  /**
   * The captured checkout script with its benchmark SKUs {@code CKB-1..300} replaced by the demo
   * SKUs from {@code skuFrom} on (which the engine's checkouts used and which hold stock) and its
   * region by the node's.
   */
  ObjectNode checkout(Path captured, int skuFrom) throws SQLException, IOException {
    String region;
    try (Connection c = pg.connect(); Statement s = c.createStatement();
         ResultSet r = s.executeQuery("SELECT region FROM inventory.warehouse ORDER BY priority DESC, code LIMIT 1")) {
      if (!r.next()) {
        throw new IllegalStateException("the node has no warehouse: was the ratio's checkout load run first?");
      }
      region = r.getString(1);
    }
    String sql = Files.readString(captured);
    for (String variable : List.of(":s1", ":s2")) {
      sql = sql.replace("'CKB-' || " + variable,
          "'DEMO-' || lpad((" + variable + " + " + (skuFrom - 1) + ")::text, 5, '0') || '-1'");
    }
    Path script = work.resolve("checkout.pgbench.sql");
    Files.writeString(script, sql.replace("test-1", region));
    return new PgBench(pg, work).measure(script, List.of(), clients, seconds)
        .put("tool", "pgbench, one checkout's SQL (" + captured + ")").put("region", region);
  }
}
