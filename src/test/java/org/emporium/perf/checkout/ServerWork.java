package org.emporium.perf.checkout;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What PostgreSQL did per checkout during one point, request path and background together:
 * commits, WAL records and bytes, and the statements by execution time, from
 * {@code pg_stat_statements}, {@code pg_stat_database} and {@code pg_stat_wal}. The extension is
 * preloaded by {@link #enable} (a server restart) and reset by {@link #reset} before the point.
 */
final class ServerWork {

  private static final int TOP = 30;

  private ServerWork() {
  }

  /** Takes effect at the server's next start. */
  static void enable(Pool pool) throws Exception {
    pool.query("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'").execute()
        .await(30, TimeUnit.SECONDS);
  }

  static void reset(Pool pool) throws Exception {
    for (String sql : List.of("CREATE EXTENSION IF NOT EXISTS pg_stat_statements", "SELECT pg_stat_statements_reset()",
        "SELECT pg_stat_reset()", "SELECT pg_stat_reset_shared('wal')")) {
      pool.query(sql).execute().await(30, TimeUnit.SECONDS);
    }
  }

  /** The report's lines, per checkout made since {@link #reset}. */
  static List<String> report(Pool pool, long checkouts) throws Exception {
    List<String> lines = new ArrayList<>();
    double n = Math.max(1, checkouts);
    Row db = pool.query("SELECT sum(xact_commit)::bigint, sum(xact_rollback)::bigint FROM pg_stat_database").execute()
        .await(30, TimeUnit.SECONDS).iterator().next();
    Row wal = pool.query("SELECT wal_records, wal_bytes::bigint, wal_sync FROM pg_stat_wal").execute()
        .await(30, TimeUnit.SECONDS).iterator().next();
    Row total = pool.query("SELECT coalesce(sum(calls), 0)::bigint, coalesce(sum(total_exec_time), 0)"
        + " FROM pg_stat_statements").execute().await(30, TimeUnit.SECONDS).iterator().next();
    lines.add(String.format(Locale.ROOT, "server work per checkout (%d checkouts, background included): %.1f commits,"
        + " %.1f rollbacks, %.1f WAL records, %.1f KB WAL, %.2f WAL syncs, %.1f statements, %.2f ms executing",
        checkouts, db.getLong(0) / n, db.getLong(1) / n, wal.getLong(0) / n, wal.getLong(1) / n / 1024,
        wal.getLong(2) / n, total.getLong(0) / n, total.getDouble(1) / n));
    lines.add(String.format(Locale.ROOT, "  %9s %9s %9s  %s", "calls/co", "ms/co", "rows/call", "statement"));
    for (Row row : pool.query("SELECT calls, total_exec_time, rows, query FROM pg_stat_statements"
        + " ORDER BY total_exec_time DESC LIMIT " + TOP).execute().await(30, TimeUnit.SECONDS)) {
      String sql = row.getString(3).replaceAll("\\s+", " ");
      lines.add(String.format(Locale.ROOT, "  %9.2f %9.3f %9.1f  %s", row.getLong(0) / n, row.getDouble(1) / n,
          row.getLong(2) / (double) Math.max(1, row.getLong(0)), sql.length() > 160 ? sql.substring(0, 160) + "..." : sql));
    }
    return lines;
  }
}
