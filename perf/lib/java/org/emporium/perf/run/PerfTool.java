package org.emporium.perf.run;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The Java half of perf/run: small commands the script calls (free ports, readiness, machine
 * details, the metrics sampler, the baselines, the results' summary, table and plot).
 */
public final class PerfTool {

  private PerfTool() {
  }

  public static void main(String[] argv) throws Exception {
    if (argv.length == 0) {
      throw new IllegalArgumentException("usage: PerfTool <command> [--option value ...]");
    }
    Args args = new Args(Arrays.asList(argv).subList(1, argv.length));
    switch (argv[0]) {
      case "ports" -> System.out.println(String.join(" ", freePorts(args.integer("count", 1))));
      case "wait-ready" -> waitReady(new NodeApi(args.get("url")), args.integer("timeout", 180),
          args.has("pid") ? Long.parseLong(args.get("pid")) : -1, args.integer("products", 0),
          args.integer("stocked", args.integer("products", 0)));
      case "settle" -> Settle.await(new NodeApi(args.get("url")), args.integer("timeout", 120));
      case "machine" -> Json.write(Path.of(args.get("out")), Machine.describe(args.get("commit", "unknown")));
      case "sample" -> MetricsSampler.run(new NodeApi(args.get("url")), Path.of(args.get("out")));
      case "record-run" -> RunRecord.write(args);
      case "hold-rates" -> System.out.println(HoldRates.of(Path.of(args.get("dir"))));
      case "baselines" -> Baselines.run(args);
      case "report" -> Report.write(Path.of(args.get("dir")));
      default -> throw new IllegalArgumentException("unknown command " + argv[0]);
    }
    System.exit(0);
  }

  private static List<String> freePorts(int count) throws Exception {
    List<ServerSocket> sockets = new ArrayList<>();
    List<String> ports = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0);
        sockets.add(socket);
        ports.add(String.valueOf(socket.getLocalPort()));
      }
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
    return ports;
  }

  /**
   * Until {@code /health/ready} answers 200, search finds {@code products} products and the first
   * {@code stocked} demo products have stock (the demo seeding receives stock, in product order,
   * after the node is ready).
   */
  private static void waitReady(NodeApi node, int timeoutSeconds, long pid, int products, int stocked)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (node.status("/health/ready") != 200) {
      if (pid > 0 && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
        throw new IllegalStateException("the node (pid " + pid + ") exited before it was ready");
      }
      pause(deadline, "the node was not ready");
    }
    while (products > 0 && searchTotal(node) < products) {
      pause(deadline, "search did not find the " + products + " demo products");
    }
    String last = String.format("/api/v1/inventory/DEMO-%05d-1", stocked - 1);
    while (stocked > 0 && node.status(last) != 200) {
      pause(deadline, "the demo seeding did not stock " + last.substring(last.lastIndexOf('/') + 1));
    }
  }

  private static long searchTotal(NodeApi node) {
    try {
      ObjectNode found = (ObjectNode) Json.MAPPER.readTree(node.get("/api/v1/search?limit=1"));
      return found.path("total").asLong();
    } catch (Exception notYet) {
      return 0;
    }
  }

  private static void pause(long deadline, String failure) {
    if (System.nanoTime() > deadline) {
      throw new IllegalStateException(failure + " in time");
    }
    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
  }
}
