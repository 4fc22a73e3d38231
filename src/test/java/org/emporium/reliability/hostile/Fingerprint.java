package org.emporium.reliability.hostile;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.sqlclient.Row;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The state of the node's stores, to tell whether rejected requests changed anything: for every
 * table of every context schema its row count and a hash of its rows, and for every Redis key a
 * hash of its value. Left out, because they legitimately change on a refusal or on their own:
 * <ul>
 *   <li>{@code <schema>.outbox.published_at}: the relay marks rows published in the background (the
 *   rows themselves count: a new event is a change);</li>
 *   <li>{@code <schema>.processed_event}: consumers record events of earlier accepted writes as they
 *   apply them, whenever Kafka delivers them;</li>
 *   <li>{@code platform.node_start}: a row per node start, written by the node itself;</li>
 *   <li>Redis {@code ratelimit:*}: every request takes a token, refused ones included, by design;</li>
 *   <li>Redis {@code identity:login:*}: failed sign-ins are counted to slow down password guessing,
 *   which is the point of refusing them;</li>
 *   <li>Redis {@code customer:profile:*}: a read-through cache of profiles, filled by reads.</li>
 * </ul>
 */
final class Fingerprint {

  /** Columns a background task updates, by table name in any schema. */
  private static final Map<String, List<String>> BACKGROUND_COLUMNS = Map.of("outbox", List.of("published_at"));
  private static final Set<String> SKIPPED_TABLES = Set.of("processed_event", "node_start", "databasechangelog",
      "databasechangeloglock");
  private static final List<String> SKIPPED_KEYS = List.of("ratelimit:", "identity:login:", "customer:profile:");

  private final HostileNode node;
  private String query;

  Fingerprint(HostileNode node) {
    this.node = node;
  }

  /** A snapshot: {@code <schema.table or redis key> -> <count:hash>}, sorted. */
  Map<String, String> take() {
    Map<String, String> state = new TreeMap<>();
    for (Row row : HostileNode.await(node.db().query(query()).execute())) {
      state.put(row.getString(0), row.getLong(1) + ":" + row.getString(2));
    }
    state.putAll(redis());
    return state;
  }

  /** Waits until two snapshots in a row agree (background work of earlier writes has finished); returns it. */
  Map<String, String> settled() {
    awaitNoHoldEndingSoon();
    Map<String, String> last = take();
    for (int attempt = 0; attempt < 100; attempt++) {
      pause(150);
      Map<String, String> now = take();
      if (now.equals(last)) {
        return now;
      }
      last = now;
    }
    throw new AssertionError("the stores never settled; last difference in " + last.keySet());
  }

  /**
   * Waits until the node is quiet, as after a start or a batch of writes: every outbox event
   * published, and the stores (the consumers' records of events applied included) the same over a
   * second. Consumers join their topics some seconds after the node starts; a plain {@link #settled}
   * can end before the first event reaches them.
   */
  Map<String, String> quiet() {
    long deadline = System.currentTimeMillis() + 120_000;
    while (System.currentTimeMillis() < deadline) {
      if (unpublished() > 0) {
        pause(200);
        continue;
      }
      Map<String, String> first = withConsumers();
      pause(1_000);
      if (unpublished() == 0 && first.equals(withConsumers())) {
        return take();
      }
    }
    throw new AssertionError("the node never became quiet");
  }

  private long unpublished() {
    return sum("SELECT count(*) FROM \"%s\".outbox WHERE published_at IS NULL", "outbox");
  }

  private Map<String, String> withConsumers() {
    Map<String, String> state = take();
    state.put("processed events", String.valueOf(sum("SELECT count(*) FROM \"%s\".processed_event",
        "processed_event")));
    return state;
  }

  /**
   * Waits until no background work of earlier accepted requests (the fuzzer's included) is due:
   * no stock reservation expires within the next minute (they may hold stock for as little as a
   * second) and no checkout saga is still running or compensating. A sweeper finishing them during
   * a check would look like a change made by the refused requests.
   */
  private void awaitNoHoldEndingSoon() {
    long deadline = System.currentTimeMillis() + 120_000;
    while (HostileNode.await(node.db().query("SELECT (SELECT count(*) FROM inventory.reservation WHERE status IN"
        + " ('pending', 'reserved') AND expires_at < now() + interval '60 seconds')"
        + " + (SELECT count(*) FROM checkout.saga WHERE state IN ('running', 'compensating'))").execute())
        .iterator().next().getLong(0) > 0) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("reservations due within a minute or unfinished sagas were not ended by the sweepers");
      }
      pause(200);
    }
  }

  /** {@code sql} (with %s for the schema) summed over the schemas that have {@code table}. */
  private long sum(String sql, String table) {
    List<String> parts = new ArrayList<>();
    for (Row schema : HostileNode.await(node.db().query("SELECT table_schema FROM information_schema.tables "
        + "WHERE table_name = '" + table + "'").execute())) {
      parts.add(String.format(sql, schema.getString(0)));
    }
    if (parts.isEmpty()) {
      return 0;
    }
    Row row = HostileNode.await(node.db().query("SELECT coalesce(sum(n), 0) FROM (" + parts.stream()
        .map(part -> part.replace("count(*)", "count(*) AS n")).collect(Collectors.joining(" UNION ALL ")) + ") t")
        .execute()).iterator().next();
    return row.getLong(0);
  }

  /** The names whose state differs between two snapshots. */
  static List<String> changed(Map<String, String> before, Map<String, String> after) {
    Set<String> names = new java.util.TreeSet<>(before.keySet());
    names.addAll(after.keySet());
    return names.stream().filter(name -> !java.util.Objects.equals(before.get(name), after.get(name)))
        .collect(Collectors.toList());
  }

  private String query() {
    if (query == null) {
      List<String> parts = new ArrayList<>();
      for (Row table : HostileNode.await(node.db().query("SELECT table_schema, table_name FROM information_schema.tables "
          + "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') "
          + "ORDER BY 1, 2").execute())) {
        String schema = table.getString(0);
        String name = table.getString(1);
        if (SKIPPED_TABLES.contains(name)) {
          continue;
        }
        String row = "to_jsonb(t)";
        for (String column : BACKGROUND_COLUMNS.getOrDefault(name, List.of())) {
          row = "(" + row + " - '" + column + "')";
        }
        String hash = "md5(" + row + "::text)";
        parts.add("SELECT '" + schema + "." + name + "', count(*), coalesce(md5(string_agg(" + hash + ", '' ORDER BY "
            + hash + ")), '') FROM \"" + schema + "\".\"" + name + "\" t");
      }
      query = String.join(" UNION ALL ", parts);
    }
    return query;
  }

  private Map<String, String> redis() {
    Map<String, String> keys = new TreeMap<>();
    String cursor = "0";
    do {
      Response page = HostileNode.await(node.redis().send(Request.cmd(Command.SCAN).arg(cursor).arg("COUNT").arg(1000)));
      cursor = page.get(0).toString();
      for (Response key : page.get(1)) {
        String name = key.toString();
        if (SKIPPED_KEYS.stream().noneMatch(name::startsWith)) {
          keys.put("redis:" + name, null);
        }
      }
    } while (!"0".equals(cursor));
    List<Future<Response>> dumps = keys.keySet().stream()
        .map(name -> node.redis().send(Request.cmd(Command.DUMP).arg(name.substring("redis:".length())))).toList();
    HostileNode.await(Future.join(dumps));
    int i = 0;
    for (String name : keys.keySet()) {
      Response dump = dumps.get(i++).result();
      keys.put(name, dump == null ? "gone" : sha256(dump.toBytes()));
    }
    return keys;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
