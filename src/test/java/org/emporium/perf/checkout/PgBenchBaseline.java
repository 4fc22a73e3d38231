package org.emporium.perf.checkout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline: pgbench ({@code -M prepared}) running {@code perf/checkout.pgbench.sql}, the SQL of
 * one checkout as one script, on the benchmark's PostgreSQL with the engine's tables and functions.
 */
final class PgBenchBaseline {

  static final Path SCRIPT = Path.of("perf/checkout.pgbench.sql");
  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
  private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");
  private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");

  private final String host;
  private final int port;
  private final String user;
  private final String database;

  PgBenchBaseline(String host, int port, String user, String database) {
    this.host = host;
    this.port = port;
    this.user = user;
    this.database = database;
  }

  /** Scripts (checkouts) per second, their mean latency and failures, at {@code clients} connections. */
  record Result(int clients, double tps, double latencyMs, long failed) {

    @Override
    public String toString() {
      return String.format("%-34s %3d clients %7.1f checkouts/s  mean latency %7.2f ms  (%d failed)",
          "pgbench, one checkout's SQL", clients, tps, latencyMs, failed);
    }
  }

  Result run(int clients, int seconds) throws IOException, InterruptedException {
    String out = pgbench(List.of("pgbench", "-h", host, "-p", String.valueOf(port), "-U", user, "-n", "-M", "prepared",
        "-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients, 2)), "-T", String.valueOf(seconds),
        "-f", SCRIPT.toString(), database));
    Matcher tps = TPS.matcher(out);
    Matcher latency = LATENCY.matcher(out);
    Matcher failed = FAILED.matcher(out);
    if (!tps.find() || !latency.find()) {
      throw new IllegalStateException("no tps in pgbench output:\n" + out);
    }
    return new Result(clients, Double.parseDouble(tps.group(1)), Double.parseDouble(latency.group(1)),
        failed.find() ? Long.parseLong(failed.group(1)) : 0);
  }

  private static String pgbench(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
    }
    return out;
  }
}
