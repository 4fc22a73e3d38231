package org.emporium.perf.run;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bare tools beside the engine, on the node's own servers, and the engine's relay burst:
 * writes {@code baselines/<context>-<rep>.json} and {@code engine/events-<rep>.json}. A tool that is
 * not installed is recorded as skipped; a tool that fails is recorded with its error.
 */
final class Baselines {

  private Baselines() {
  }

  static void run(Args args) throws Exception {
    Path dir = Path.of(args.get("dir"));
    int rep = args.integer("rep", 1);
    boolean smoke = args.flag("smoke");
    int seconds = args.integer("seconds", smoke ? 1 : 10);
    Path work = Files.createDirectories(dir.resolve("work"));
    int[] clients = smoke ? new int[] {8} : new int[] {1, 4, 16, 64};
    Postgres pg = args.has("pg") ? Postgres.of(args.get("pg")) : null;
    SqlBaselines sql = pg == null || !Processes.installed("pgbench") ? null
        : new SqlBaselines(pg, work, clients, seconds);

    String noPgBench = pg == null ? "no --pg" : "pgbench is not installed (postgresql-client)";
    record(dir, "baselines/inventory-" + rep, () -> sql == null ? skipped(noPgBench) : sql.hotRow());
    record(dir, "baselines/checkout-" + rep, () -> sql == null ? skipped(noPgBench)
        : sql.checkout(Path.of(args.get("script")), args.integer("sku-from", 700)));
    int[][] shapes = smoke ? new int[][] {{4, 16}} : new int[][] {{1, 1}, {4, 1}, {4, 16}, {50, 1}};
    record(dir, "baselines/cart-" + rep, () -> !args.has("redis") ? skipped("no --redis")
        : !Processes.installed("redis-benchmark") ? skipped("redis-benchmark is not installed (redis-tools)")
        : new RedisCartBaseline(Endpoint.parse(args.get("redis")), new NodeApi(args.get("url")))
            .measure(args.get("cart-sku"), shapes, seconds));
    record(dir, "engine/events-" + rep, () -> pg == null ? skipped("no --pg") : relay(pg, args, smoke, seconds));
    record(dir, "baselines/events-" + rep, () -> !args.has("kafka") ? skipped("no --kafka")
        : new ProducerBaseline(Endpoint.parse(args.get("kafka"))).measure("perf.baseline.v1",
            smoke ? 10_000 : 100_000, seconds, smoke));
  }

  /** The relay's burst rate; with Kafka reachable, its latency at 70% of that rate. */
  private static ObjectNode relay(Postgres pg, Args args, boolean smoke, int seconds) throws Exception {
    ObjectNode drain = new RelayDrain(pg).measure(smoke ? 200 : 1_000, smoke ? 5_000 : 50_000, 300);
    if (args.has("kafka")) {
      drain.set("latency", new RelayLatency(pg, Endpoint.parse(args.get("kafka")))
          .measure(drain.get("perSecond").asDouble() * 0.7, seconds));
    }
    return drain;
  }

  private interface Measurement {
    ObjectNode measure() throws Exception;
  }

  private static void record(Path dir, String name, Measurement measurement) {
    ObjectNode result;
    long start = System.nanoTime();
    try {
      result = measurement.measure();
    } catch (Exception | Error e) {
      result = Json.object().put("error", String.valueOf(e.getMessage()).lines().limit(20)
          .reduce((a, b) -> a + "\n" + b).orElse(e.toString()));
    }
    result.put("wallSeconds", Math.round((System.nanoTime() - start) / 1e8) / 10.0)
        .put("loadAverage", Machine.loadAverage());
    Json.write(dir.resolve(name + ".json"), result);
    System.out.println(name + ": " + (result.has("perSecond") ? result.get("perSecond") + "/s"
        : result.has("skipped") ? "skipped, " + result.get("skipped").asText() : "FAILED " + result.get("error")));
  }

  private static ObjectNode skipped(String why) {
    return Json.object().put("skipped", why);
  }
}
