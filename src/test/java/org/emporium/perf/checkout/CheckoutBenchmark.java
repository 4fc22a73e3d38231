package org.emporium.perf.checkout;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.emporium.platform.clients.Clients;
import org.emporium.perf.JitWarmUp;
import org.emporium.platform.embedded.EmbeddedPostgresServer;
import org.emporium.testing.TestNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Guest checkouts over REST on one node (role {@code all}, embedded servers, the simulated payment
 * provider without latency), side by side with pgbench running the SQL of one checkout, captured
 * from the server's statement log in the same run, as one script on the same PostgreSQL. Closed
 * loop at a few concurrencies for the maximum, then an open loop at 70% of it for p50/p99/p99.9.
 * Writes perf/results/<timestamp>-checkout/ (results.txt, summary.json, the captured log, the server's work per
 * checkout at the highest concurrency).
 */
public final class CheckoutBenchmark {

  private static final int PRODUCTS = 300;
  private static final int[] IN_FLIGHT = {1, 8, 32, 96};
  private static final int[] PGBENCH_CLIENTS = {1, 4, 16, 64};
  private static final double OPEN_SHARE = 0.7;

  private CheckoutBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int seconds = Integer.getInteger("bench.seconds", 10);
    Path out = Path.of("perf/results", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
        + "-checkout");
    Files.createDirectories(out);
    Path dir = Files.createTempDirectory("checkout-bench");
    List<String> lines = new ArrayList<>();
    JsonObject summary = new JsonObject().put("secondsPerPoint", seconds);
    String loadBefore = loadAverage();
    // the first start creates the database; the server's log collector needs the second
    try (TestNode first = TestNode.start(dir, Map.of())) {
      Pool pool = new Clients(first.config()).postgresUnshared(first.node().vertx(), "checkout", 1);
      StatementCapture.enableCollector(pool);
      ServerWork.enable(pool);
      pool.close();
    }
    try (TestNode node = TestNode.start(dir, Map.of())) {
      Vertx vertx = node.node().vertx();
      Pool pool = new Clients(node.config()).postgresUnshared(vertx, "checkout", 1);
      lines.add(print("PostgreSQL fsync/synchronous_commit: " + pool.query("SELECT current_setting('fsync') || '/' || "
          + "current_setting('synchronous_commit') || ' ' || version()").execute().await(10, TimeUnit.SECONDS)
          .iterator().next().getString(0)));
      lines.add(print(String.format("machine: %d cores, load average before the run %s, %d s per point, load"
          + " generated in the node's JVM", Runtime.getRuntime().availableProcessors(), loadBefore, seconds)));
      summary.put("loadAverageBefore", loadBefore).put("cores", Runtime.getRuntime().availableProcessors());

      Shop shop = new Shop(vertx, PRODUCTS);
      long seeding = System.nanoTime();
      shop.seed();
      lines.add(print(String.format("seeded %d products with 3,000,000 units each in %.1f s", PRODUCTS,
          (System.nanoTime() - seeding) / 1e9)));

      Vertx loadVertx = Vertx.vertx();
      HttpClientAgent http = loadVertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
          new PoolOptions().setHttp1MaxSize(1000));
      Checkouts checkouts = new Checkouts(http, node.httpPort());

      checkouts.use(shop.carts(1, 2));
      List<String> captured = StatementCapture.capture(pool, dir.resolve("postgres"), () -> {
        int status = checkouts.one().await(60, TimeUnit.SECONDS);
        if (status != 201) {
          throw new IllegalStateException("the captured checkout answered " + status);
        }
        return status;
      }, out.resolve("captured-statements.log"));
      lines.add(print(scriptCheck(captured)));

      CheckoutLoad load = new CheckoutLoad(loadVertx);
      // until the JIT settles: after a fixed 8 s warm-up, C2 still took a third of the node's CPU at the maximum
      CheckoutLoad.Result warmUp = JitWarmUp.run(10_000L, () -> {
        checkouts.use(shop.carts(1_500));
        return load.closed("warm-up", checkouts::one, 32, 10_000L).await(310, TimeUnit.SECONDS);
      }, (result, jitMs) -> lines.add(print(result + "  load " + loadAverage() + "  JIT " + jitMs + " ms")));
      double best = warmUp.perSecond();
      JsonArray closed = new JsonArray();
      for (int inFlight : IN_FLIGHT) {
        int carts = (int) Math.ceil(Math.max(best, 20) * 1.6 * seconds) + inFlight + 100;
        checkouts.use(shop.carts(carts));
        boolean last = inFlight == IN_FLIGHT[IN_FLIGHT.length - 1];
        if (last) {
          ServerWork.reset(pool);
        }
        CheckoutLoad.Result result = load.closed("closed loop", checkouts::one, inFlight, seconds * 1000L)
            .await(seconds + 300L, TimeUnit.SECONDS);
        String note = checkouts.left() == 0 ? "  (carts ran out: the point is shorter)" : "";
        lines.add(print(result + "  load " + loadAverage() + note));
        closed.add(json(result).put("inFlight", inFlight));
        if (last) {
          List<String> work = ServerWork.report(pool, result.ok());
          lines.add(print(work.get(0)));
          Files.write(out.resolve("server-work-at-" + inFlight + ".txt"), work);
        }
        best = Math.max(best, result.perSecond());
      }
      double max = closed.stream().mapToDouble(r -> ((JsonObject) r).getDouble("perSecond")).max().orElse(0);
      double rate = OPEN_SHARE * max;
      checkouts.use(shop.carts((int) Math.ceil(rate * seconds) + 50));
      CheckoutLoad.Result open = load.paced("open loop at 70% of max", checkouts::one, rate, seconds * 1000L)
          .await(seconds + 300L, TimeUnit.SECONDS);
      lines.add(print(open + "  load " + loadAverage()));
      summary.put("engine", new JsonObject().put("closed", closed).put("maxPerSecond", max)
          .put("open", json(open).put("targetPerSecond", rate)));
      pool.close();
      http.close();
      loadVertx.close().await(10, TimeUnit.SECONDS);
    }

    // the baseline has the server to itself: the node (its relay, consumers and sweepers) is stopped
    double bestTps = 0;
    JsonArray baseline = new JsonArray();
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir.resolve("postgres"), 0)) {
      PgBenchBaseline pgbench = new PgBenchBaseline(server.host(), server.port(), server.user(), server.database());
      for (int clients : PGBENCH_CLIENTS) {
        PgBenchBaseline.Result result = pgbench.run(clients, seconds);
        lines.add(print(result + "  load " + loadAverage()));
        baseline.add(new JsonObject().put("clients", clients).put("tps", result.tps())
            .put("latencyMs", result.latencyMs()).put("failed", result.failed()));
        bestTps = Math.max(bestTps, result.tps());
      }
    }
    summary.put("pgbench", new JsonObject().put("script", PgBenchBaseline.SCRIPT.toString()).put("runs", baseline)
        .put("bestTps", bestTps));
    table(lines, summary, bestTps);
    Files.write(out.resolve("results.txt"), lines);
    Files.writeString(out.resolve("summary.json"), summary.encodePrettily());
    System.out.println("written to " + out);
    System.exit(0);
  }

  private static void table(List<String> lines, JsonObject summary, double bestTps) {
    JsonObject engine = summary.getJsonObject("engine");
    JsonObject open = engine.getJsonObject("open");
    double max = engine.getDouble("maxPerSecond");
    double ratio = max / bestTps;
    double tail = open.getDouble("p999") / open.getDouble("p50");
    summary.put("ratio", ratio).put("tailRatio", tail);
    lines.add(print(""));
    lines.add(print(String.format("%-46s %10s %s", "", "figure", "target")));
    lines.add(print(String.format("%-46s %10.1f", "engine max checkouts/s (closed loop)", max)));
    lines.add(print(String.format("%-46s %10.1f", "pgbench best checkouts/s (one checkout's SQL)", bestTps)));
    lines.add(print(String.format("%-46s %10.2f %s", "ratio engine / pgbench", ratio, ratio >= 1 ? ">= 1: met" : ">= 1: NOT met")));
    lines.add(print(String.format("%-46s %10.1f (%d ok, %d errors %s)", "open loop at 70% of max: checkouts/s",
        open.getDouble("perSecond"), open.getLong("ok"), open.getLong("errors"), open.getJsonObject("errorsByStatus").encode())));
    lines.add(print(String.format("%-46s %10.2f", "  p50 ms (from the scheduled send)", open.getDouble("p50"))));
    lines.add(print(String.format("%-46s %10.2f", "  p99 ms", open.getDouble("p99"))));
    lines.add(print(String.format("%-46s %10.2f", "  p99.9 ms", open.getDouble("p999"))));
    lines.add(print(String.format("%-46s %10.2f %s", "  p99.9 / p50", tail, tail <= 4 ? "<= 4: met" : "<= 4: NOT met")));
  }

  private static JsonObject json(CheckoutLoad.Result r) {
    return new JsonObject().put("name", r.name()).put("perSecond", r.perSecond()).put("ok", r.ok())
        .put("errors", r.errors()).put("errorsByStatus", new JsonObject(new java.util.HashMap<>(r.errorsByStatus())))
        .put("p50", r.p50()).put("p99", r.p99()).put("p999", r.p999()).put("max", r.max()).put("seconds", r.seconds());
  }

  /** Whether the captured checkout ran the script's statements, in the same order. */
  private static String scriptCheck(List<String> captured) throws IOException {
    List<String> engine = StatementCapture.requestPath(captured).stream().map(StatementCapture::head).toList();
    List<String> script = StatementCapture.scriptStatements(Files.readAllLines(PgBenchBaseline.SCRIPT)).stream()
        .map(StatementCapture::head).toList();
    if (engine.equals(script)) {
      return "captured checkout: " + engine.size() + " statements, the same as " + PgBenchBaseline.SCRIPT
          + " in the same order (pools: " + StatementCapture.perApplication(captured) + ", background included)";
    }
    return "WARNING: the captured checkout's " + engine.size() + " statements differ from the script's " + script.size()
        + ": engine " + engine + " script " + script;
  }

  /** The machine's 1-minute load average: other work on the 2 cores shows in the figures. */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }

  static String print(String line) {
    System.out.println(line);
    return line;
  }
}
