package org.emporium.perf.identity;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.testing.TestNode;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Sign-in over the event bus on a real node (embedded PostgreSQL, Redis, Kafka; role all) with
 * the default Argon2id cost, at 1, cores and 4 x cores requests in flight, each right after the
 * bare hash it is built on (verified on as many threads as requests, at most one per core). Run with {@code perf/identity-login}.
 */
public final class IdentityLoginBenchmark {

  private static final String PASSWORD = "benchmark password";
  private static final int ACCOUNTS = 64;

  public static void main(String[] args) throws Exception {
    int seconds = Integer.getInteger("bench.seconds", 20);
    int cores = Runtime.getRuntime().availableProcessors();
    Path results = Path.of(System.getProperty("bench.results", "perf/results"))
        .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-identity-login");
    Files.createDirectories(results);
    Path dir = Files.createTempDirectory("emporium-bench");
    JsonObject summary = new JsonObject().put("machine", machine()).put("secondsPerRun", seconds);

    JsonArray rows = new JsonArray();
    // sign-ins succeed and clear the per-account count; requests carry no client IP
    try (TestNode node = TestNode.start(dir, Map.of("identity.loginLimits.perAccount.attempts", "1000000"))) {
      Vertx vertx = node.node().vertx();
      List<String> emails = register(vertx);
      System.out.println("warming up...");
      LoginLoad.run(vertx, emails, PASSWORD, cores, 5);
      HashBaseline.run(PASSWORD, cores, 2);
      // each sign-in run is measured right after its bare-hash baseline, so a busy neighbour on a
      // shared machine weighs on both alike
      for (int concurrency : List.of(1, cores, 4 * cores)) {
        HashBaseline.Result hash = HashBaseline.run(PASSWORD, Math.min(concurrency, cores), seconds);
        double loadBefore = loadAverage();
        LoginLoad.Result run = LoginLoad.run(vertx, emails, PASSWORD, concurrency, seconds);
        rows.add(run.toJson(concurrency)
            .put("hash", hash.toJson())
            .put("loadAverageBefore", loadBefore).put("loadAverageAfter", loadAverage())
            .put("throughputVsHash", run.perSecond() / hash.perSecond())
            .put("p50VsHash", run.latency().p50() / hash.latency().p50()));
      }
    }
    summary.put("logins", rows);
    String table = table(rows);
    System.out.println(table);
    Files.writeString(results.resolve("summary.json"), summary.encodePrettily());
    Files.writeString(results.resolve("table.txt"), table);
    System.out.println("results in " + results);
  }

  private static List<String> register(Vertx vertx) {
    List<String> emails = new ArrayList<>();
    List<Future<?>> registered = new ArrayList<>();
    for (int i = 0; i < ACCOUNTS; i++) {
      String email = "bench-" + i + "@shop.example";
      emails.add(email);
      registered.add(vertx.eventBus().request("identity.register", new JsonObject().put("body", new JsonObject()
          .put("email", email).put("password", PASSWORD).put("name", "Bench " + i)),
          new DeliveryOptions().setSendTimeout(120_000)));
    }
    try {
      Future.all(registered).await(5, TimeUnit.MINUTES);
    } catch (Exception e) {
      throw new IllegalStateException("registering the benchmark accounts failed", e);
    }
    return emails;
  }

  private static String table(JsonArray rows) {
    StringBuilder out = new StringBuilder(String.format("%-18s %8s %24s | %-16s %8s %22s | %7s %7s %6s%n",
        "login in flight", "logins/s", "p50 / p99 / p99.9 ms", "bare hash", "hashes/s", "p50 / p99 / p99.9 ms",
        "x rate", "x p50", "load"));
    for (Object o : rows) {
      JsonObject r = (JsonObject) o;
      JsonObject hash = r.getJsonObject("hash");
      out.append(String.format("%-18s %8.1f %24s | %-16s %8.1f %22s | %7.2f %7.2f %6.1f%n",
          r.getInteger("concurrency") + (r.getLong("failed") > 0 ? " (" + r.getLong("failed") + " failed)" : ""),
          r.getDouble("perSecond"), ms(r), hash.getInteger("threads") + " thread(s)", hash.getDouble("perSecond"),
          ms(hash), r.getDouble("throughputVsHash"), r.getDouble("p50VsHash"), r.getDouble("loadAverageBefore")));
    }
    return out.toString();
  }

  private static String ms(JsonObject r) {
    return String.format("%.1f / %.1f / %.1f", r.getDouble("p50Ms"), r.getDouble("p99Ms"), r.getDouble("p999Ms"));
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static String machine() {
    return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
        + "; Argon2id m=19456 KiB, t=2, p=1 (BouncyCastle); embedded PostgreSQL 17 (fsync=on, "
        + "synchronous_commit=on) and Redis 6.2 on the same machine; the load runs inside the node's JVM";
  }

  private IdentityLoginBenchmark() {
  }
}
