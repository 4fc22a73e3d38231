package org.emporium.perf.cart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code redis-benchmark} (from redis-tools) against the node's Redis: one command, a number of
 * connections and a pipelining depth, for about a given time (sized from a short first run).
 */
final class RedisBenchmarkBaseline {

  /** Requests per second and latency percentiles (ms) as redis-benchmark reports them. */
  record Result(String name, int connections, int pipeline, double perSecond, double p50, double p99) {

    @Override
    public String toString() {
      return String.format("%-32s %3d connections, pipeline %3d %9.0f req/s  p50 %7.2f ms  p99 %7.2f ms",
          name, connections, pipeline, perSecond, p50, p99);
    }
  }

  private final String host;
  private final int port;

  RedisBenchmarkBaseline(String host, int port) {
    this.host = host;
    this.port = port;
  }

  Result run(String name, int connections, int pipeline, long seconds, List<String> command) throws Exception {
    Result probe = once(name, connections, pipeline, 20_000, command);
    long requests = Math.max(20_000, (long) (probe.perSecond() * seconds));
    return once(name, connections, pipeline, requests, command);
  }

  private Result once(String name, int connections, int pipeline, long requests, List<String> command)
      throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("redis-benchmark", "-h", host, "-p", String.valueOf(port),
        "-c", String.valueOf(connections), "-P", String.valueOf(pipeline), "-n", String.valueOf(requests), "--csv"));
    args.addAll(command);
    Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException("redis-benchmark failed: " + output);
    }
    // --csv: a header line, then "<test>","<rps>","<avg>","<min>","<p50>","<p95>","<p99>","<max>"
    String[] lines = output.strip().split("\n");
    String[] cells = lines[lines.length - 1].replace("\"", "").split(",");
    if (cells.length < 7) {
      throw new IllegalStateException("unexpected redis-benchmark output: " + output);
    }
    int n = cells.length;
    return new Result(name, connections, pipeline, Double.parseDouble(cells[n - 7]), Double.parseDouble(cells[n - 4]),
        Double.parseDouble(cells[n - 2]));
  }
}
