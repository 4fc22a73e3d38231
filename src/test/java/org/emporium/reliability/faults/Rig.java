package org.emporium.reliability.faults;

import org.emporium.reliability.faults.Journal.Kind;
import org.emporium.reliability.faults.Reconciliation.Ack;
import org.emporium.testing.TestNode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The servers, the three-node cluster, the shoppers and the books, started once for every fault.
 * Node settings: rate limits off (the load comes from one address), short saga timings so the
 * sweepers act within the run, a small pool per context (three nodes share one PostgreSQL).
 */
final class Rig implements AutoCloseable {

  static final int NODES = 3;
  static final long LEASE_MS = 5_000;
  static final int RESERVATION_TTL_SECONDS = 120;

  final Mode mode = Mode.current();
  final Servers servers;
  final List<ClusterNode> nodes = new ArrayList<>();
  final Http http = new Http();
  final Journal journal = new Journal();
  Catalogue catalogue;
  Balancer balancer;
  CheckoutLoad load;
  private Connection db;
  private Map<String, Long> books = new LinkedHashMap<>();

  private Rig(Servers servers) {
    this.servers = servers;
  }

  static Rig start(Path dir) throws Exception {
    Rig rig = new Rig(Servers.start(dir.resolve("servers")));
    try {
      rig.startCluster(dir);
      rig.catalogue = Catalogue.seed(rig.http, rig.nodes.get(0), 20, 1_000_000, 2, 10);
      rig.balancer = new Balancer(rig.nodes);
      rig.load = new CheckoutLoad(rig.http, rig.balancer, rig.journal, rig.catalogue);
      rig.books = rig.figures();
      return rig;
    } catch (Exception | Error e) {
      rig.close();
      throw e;
    }
  }

  private void startCluster(Path dir) throws Exception {
    int[] clusterPorts = new int[NODES];
    int[] httpPorts = new int[NODES];
    for (int i = 0; i < NODES; i++) {
      clusterPorts[i] = TestNode.freePort();
      httpPorts[i] = TestNode.freePort();
    }
    Map<String, String> env = new LinkedHashMap<>(servers.nodeEnvironment());
    env.put("EMPORIUM_PROFILE", "external");
    env.put("EMPORIUM_CLUSTER_MEMBERS", java.util.Arrays.stream(clusterPorts).mapToObj(p -> "127.0.0.1:" + p)
        .collect(Collectors.joining(",")));
    env.put("EMPORIUM_ADMIN_PASSWORD", Catalogue.ADMIN_PASSWORD);
    // one issuer for the cluster (nodes on different ports would each name their own); a node that stays up
    env.put("EMPORIUM_IDENTITY_ISSUER_URL", "http://127.0.0.1:" + httpPorts[NODES - 1]);
    env.put("EMPORIUM_RATE_LIMITS_ENABLED", "false");
    env.put("EMPORIUM_POSTGRES_POOL_SIZE", "6");
    env.put("EMPORIUM_CHECKOUT_STEP_TIMEOUT_MS", "2000");
    env.put("EMPORIUM_CHECKOUT_SAGA_LEASE_MS", String.valueOf(LEASE_MS));
    env.put("EMPORIUM_CHECKOUT_SWEEP_INTERVAL_MS", "500");
    env.put("EMPORIUM_CART_FLUSH_DELAY_MS", "1000");
    // a reservation a late request left behind ends at its expiry within the run; long enough that
    // no saga outlives its reservation (one that did would skip the commit after the capture)
    env.put("EMPORIUM_CHECKOUT_RESERVATION_TTL_SECONDS", String.valueOf(RESERVATION_TTL_SECONDS));
    env.put("EMPORIUM_INVENTORY_SWEEP_INTERVAL_MS", "1000");
    // the first node migrates and seeds the admin; the others join it (started side by side, three
    // nodes on a busy machine may wait too long for their first database connections)
    for (int i = 0; i < NODES; i++) {
      nodes.add(ClusterNode.start("node-" + i, dir.resolve("node-" + i), httpPorts[i], clusterPorts[i], env));
      if (i == 0) {
        nodes.get(0).awaitReady(Duration.ofSeconds(180));
      }
    }
    for (ClusterNode node : nodes.subList(1, NODES)) {
      node.awaitReady(Duration.ofSeconds(180));
    }
  }

  /** A node still running, the {@code i}-th of them (modulo their number). */
  ClusterNode liveNode(int i) {
    List<ClusterNode> live = nodes.stream().filter(ClusterNode::alive).toList();
    return live.get(Math.floorMod(i, live.size()));
  }

  Connection db() throws SQLException {
    if (db == null || !db.isValid(2)) {
      db = servers.jdbc();
    }
    return db;
  }

  /** Stops the arrivals, lets the shoppers finish and the sweepers end what was interrupted. */
  void quiesce() throws Exception {
    load.stop(Duration.ofSeconds(120));
    long deadline = System.currentTimeMillis() + 6 * LEASE_MS + 20_000;
    while (System.currentTimeMillis() < deadline && !settledQuietly()) {
      Thread.sleep(250);
    }
  }

  /**
   * Waits (at most a reservation's time to live and the sweeper's grace) until no reservation is
   * held: late reservations then count as leaked if they outlive their expiry.
   */
  void awaitReservationsEnded() throws Exception {
    long deadline = System.currentTimeMillis() + RESERVATION_TTL_SECONDS * 1000L + 20_000;
    while (System.currentTimeMillis() < deadline && Reconciliation.held(db()) > 0) {
      Thread.sleep(500);
    }
  }

  private boolean settledQuietly() {
    try {
      return Reconciliation.settled(db());
    } catch (SQLException e) {
      return false;
    }
  }

  List<Ack> acks() {
    return journal.select(entry -> entry.kind() == Kind.ACKNOWLEDGED).stream()
        .map(entry -> new Ack(UUID.fromString(entry.orderId()), UUID.fromString(entry.cartId()))).toList();
  }

  private Map<String, Long> figures() throws SQLException {
    return Reconciliation.figures(db(), acks(), catalogue.all());
  }

  /**
   * The harm found since the previous call (each fault answers for what it added), into
   * {@code figures}; returns the harm alone, every figure of it with target 0.
   */
  Map<String, Long> reconcile(Map<String, Object> figures) throws SQLException {
    Map<String, Long> now = figures();
    Map<String, Long> added = Reconciliation.since(books, now);
    books = now;
    if (added.values().stream().anyMatch(count -> count > 0)) {
      Reconciliation.inconsistencies(db()).forEach(line -> System.out.println("  books: " + line));
    }
    figures.putAll(added);
    Reconciliation.REPORTED.forEach(added::remove);
    return added;
  }

  /** What the shoppers saw in {@code [from, to)}. */
  Map<String, Object> seen(long from, long to) {
    Map<String, Object> seen = new LinkedHashMap<>();
    seen.put("ratePerSecond", mode.rate());
    seen.put("shoppers", journal.count(Kind.STARTED, from, to));
    seen.put("acknowledged", journal.count(Kind.ACKNOWLEDGED, from, to));
    seen.put("outOfStock", journal.count(Kind.REFUSED, from, to));
    seen.put("clientErrors", journal.count(Kind.ERROR, from, to));
    seen.put("refusedConnections", journal.count(Kind.CONNECT_REFUSED, from, to));
    seen.put("gaveUp", journal.count(Kind.GAVE_UP, from, to));
    return seen;
  }

  /** The first acknowledgement at or after {@code from} to a shopper who arrived at or after {@code arrivedFrom}. */
  OptionalLong firstAck(long from, long arrivedFrom, int excludedNode) {
    return journal.select(entry -> entry.kind() == Kind.ACKNOWLEDGED && entry.at() >= from
        && entry.startedAt() >= arrivedFrom && entry.node() != excludedNode).stream()
        .mapToLong(Journal.Entry::at).min();
  }

  OptionalLong lastError(long from, long to) {
    return journal.between(Kind.ERROR, from, to).stream().mapToLong(Journal.Entry::at).max();
  }

  /** A few of the errors of {@code [from, to)}, by kind of message, for the log. */
  String errorSample(long from, long to) {
    return journal.between(Kind.ERROR, from, to).stream()
        .map(entry -> entry.detail().replaceAll("[0-9a-f-]{36}", "<id>").replaceAll("\"cartToken\":\"[^\"]*\"", ""))
        .collect(Collectors.groupingBy(detail -> detail.substring(0, Math.min(120, detail.length())),
            Collectors.counting())).toString();
  }

  static double seconds(long fromMillis, long toMillis) {
    return Math.round((toMillis - fromMillis) / 100.0) / 10.0;
  }

  @Override
  public void close() {
    if (load != null) {
      load.close();
    }
    CompletableFuture.allOf(nodes.stream().map(node -> CompletableFuture.runAsync(() -> {
      try {
        node.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    })).toArray(CompletableFuture[]::new)).join();
    http.close();
    try {
      if (db != null) {
        db.close();
      }
    } catch (SQLException ignored) {
      // the server stops next
    }
    servers.close();
  }
}
