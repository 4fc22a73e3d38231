package org.emporium.perf.checkout;

import io.vertx.sqlclient.Pool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The SQL of one checkout, from PostgreSQL's own statement log: the server logs to files under its
 * data directory ({@code logging_collector}, which needs a restart, hence {@link #enableCollector}
 * before the node is started again), and {@code log_statement = 'all'} is switched on for one
 * checkout only, between two marker statements.
 */
final class StatementCapture {

  private static final String PREFIX = "%m [%p] %a %v %x: ";
  private static final Pattern ENTRY = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:");
  private static final Pattern STATEMENT = Pattern.compile("\\[(\\d+)\\] .*?LOG:  (?:execute [^:]*|statement): (.*)$");
  private static final Pattern BACKGROUND = Pattern.compile("pg_try_advisory_xact_lock|SKIP LOCKED|published_at = now"
      + "|\\.outbox WHERE published_at IS NULL ORDER BY|extract\\(epoch FROM now|processed_event|cart\\.cart"
      + "|changed_pending|FROM inventory\\.reservation WHERE status IN");
  private static final Pattern APPLICATION = Pattern.compile("\\[\\d+\\] (\\S*) ");

  private StatementCapture() {
  }

  /** Takes effect at the server's next start. */
  static void enableCollector(Pool pool) throws Exception {
    for (String sql : List.of("ALTER SYSTEM SET logging_collector = on", "ALTER SYSTEM SET log_directory = 'log'",
        "ALTER SYSTEM SET log_filename = 'postgresql.log'", "ALTER SYSTEM SET log_line_prefix = '" + PREFIX + "'")) {
      pool.query(sql).execute().await(30, TimeUnit.SECONDS);
    }
  }

  /**
   * Every line the server logged while {@code checkout} ran with statement logging on, from the
   * start marker to the end marker; written to {@code out} as well.
   */
  static List<String> capture(Pool pool, Path pgData, Callable<?> checkout, Path out) throws Exception {
    String marker = "bench_capture_" + System.nanoTime();
    pool.query("ALTER SYSTEM SET log_statement = 'all'").execute().await(30, TimeUnit.SECONDS);
    pool.query("SELECT pg_reload_conf()").execute().await(30, TimeUnit.SECONDS);
    Thread.sleep(500);
    pool.query("SELECT '" + marker + "_start'").execute().await(30, TimeUnit.SECONDS);
    checkout.call();
    // the relay and the consumers act on the checkout's events a moment later: their statements are kept apart
    Thread.sleep(1_000);
    pool.query("SELECT '" + marker + "_end'").execute().await(30, TimeUnit.SECONDS);
    pool.query("ALTER SYSTEM RESET log_statement").execute().await(30, TimeUnit.SECONDS);
    pool.query("SELECT pg_reload_conf()").execute().await(30, TimeUnit.SECONDS);
    Thread.sleep(500);
    List<String> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(pgData.resolve("log"))) {
      for (Path file : files.sorted().toList()) {
        all.addAll(Files.readAllLines(file));
      }
    }
    int from = indexOf(all, marker + "_start", 0);
    int to = indexOf(all, marker + "_end", from);
    List<String> lines = new ArrayList<>(all.subList(from + 1, to));
    Files.write(out, lines);
    return lines;
  }

  /** Statements per application name (one per context's pool): what ran where. */
  static Map<String, Integer> perApplication(List<String> lines) {
    Map<String, Integer> counts = new TreeMap<>();
    for (String line : lines) {
      int log = line.indexOf(": LOG:  ");
      if (log < 0 || !(line.contains("LOG:  execute ") || line.contains("LOG:  statement: "))) {
        continue;
      }
      Matcher m = APPLICATION.matcher(line);
      counts.merge(m.find() ? m.group(1) : "?", 1, Integer::sum);
    }
    return counts;
  }

  /**
   * The statements the checkout itself ran, in order, without BEGIN/COMMIT, the pg_notify wake-ups
   * and what background work (outbox relay, consumers, stock-change publisher, cart write-behind)
   * ran meanwhile: a transaction with one background statement is background as a whole.
   */
  static List<String> requestPath(List<String> lines) {
    List<String> entries = new ArrayList<>();
    for (String line : lines) {
      if (ENTRY.matcher(line).lookingAt() || entries.isEmpty()) {
        entries.add(line);
      } else {
        entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + line.strip());
      }
    }
    Map<String, List<String>> open = new HashMap<>();
    TreeMap<Integer, List<String>> units = new TreeMap<>();
    Map<String, Integer> openedAt = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      Matcher m = STATEMENT.matcher(entries.get(i));
      if (!m.find()) {
        continue;
      }
      String pid = m.group(1);
      String sql = m.group(2);
      if (sql.equals("BEGIN")) {
        open.put(pid, new ArrayList<>());
        openedAt.put(pid, i);
      } else if (sql.equals("COMMIT") || sql.equals("ROLLBACK")) {
        List<String> unit = open.remove(pid);
        if (unit != null && unit.stream().noneMatch(st -> BACKGROUND.matcher(st).find())) {
          units.put(openedAt.get(pid), unit);
        }
      } else if (open.containsKey(pid)) {
        open.get(pid).add(sql);
      } else if (!BACKGROUND.matcher(sql).find() && !sql.startsWith("SELECT pg_notify")) {
        units.put(i, List.of(sql));
      }
    }
    return units.values().stream().flatMap(List::stream).toList();
  }

  /** A statement's text up to its first parameter, literal or parenthesis: what the script and the engine share. */
  static String head(String sql) {
    int end = sql.length();
    for (char c : new char[] {'$', '\'', '(', ':'}) {
      int at = sql.indexOf(c);
      if (at >= 0) {
        end = Math.min(end, at);
      }
    }
    return sql.substring(0, end).strip();
  }

  /** The script's statements (neither comments, meta-commands, BEGIN nor COMMIT). */
  static List<String> scriptStatements(List<String> script) {
    return script.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("--") && !l.startsWith("\\")
        && !l.equals("BEGIN;") && !l.equals("COMMIT;")).toList();
  }

  private static int indexOf(List<String> lines, String text, int from) throws IOException {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i;
      }
    }
    throw new IOException("marker " + text + " not in the server log");
  }
}
