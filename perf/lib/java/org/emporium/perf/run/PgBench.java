package org.emporium.perf.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * pgbench ({@code -M prepared}) running one script on the node's PostgreSQL: at each client count
 * for its best rate, then throttled ({@code -R}) at 70% of it with every transaction logged, for
 * percentiles measured from each transaction's scheduled start (latency plus schedule lag).
 */
final class PgBench {

  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
  private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");

  private final Postgres pg;
  private final Path work;

  PgBench(Postgres pg, Path work) {
    this.pg = pg;
    this.work = work;
  }

  ObjectNode measure(Path script, List<String> defines, int[] clients, int seconds) {
    ObjectNode result = Json.object().put("script", script.toString());
    ArrayNode runs = result.putArray("runs");
    double best = 0;
    int bestClients = clients[0];
    long failed = 0;
    for (int c : clients) {
      String out;
      try {
        out = run(script, defines, c, seconds, List.of());
      } catch (IllegalStateException e) {
        runs.addObject().put("clients", c).put("error", e.getMessage());
        continue;
      }
      double tps = number(TPS, out, "tps");
      Matcher f = FAILED.matcher(out);
      long failures = f.find() ? Long.parseLong(f.group(1)) : 0;
      failed += failures;
      runs.addObject().put("clients", c).put("perSecond", tps).put("failed", failures);
      if (tps > best) {
        best = tps;
        bestClients = c;
      }
    }
    if (best == 0) {
      throw new IllegalStateException("every pgbench run failed: " + runs);
    }
    result.put("perSecond", best).put("shape", bestClients + " clients").put("failed", failed);
    double rate = Math.max(1, Math.floor(best * 0.7));
    Path logs = work.resolve("pgbench-" + script.getFileName().toString().replace(".sql", "") + "-paced");
    // at the client count of the best rate: more clients on one hot row only queue on its lock
    run(script, defines, bestClients, seconds, List.of("-R", String.valueOf(rate), "-l", "--log-prefix=" + logs));
    ObjectNode latency = Latencies.ofMicros(scheduledLatencies(logs)).json().put("rate", rate)
        .put("clients", bestClients);
    result.set("latency", latency);
    return result;
  }

  private String run(Path script, List<String> defines, int clients, int seconds, List<String> more) {
    List<String> command = new ArrayList<>(List.of("pgbench"));
    command.addAll(pg.cli());
    command.addAll(List.of("-n", "-M", "prepared", "-c", String.valueOf(clients), "-j",
        String.valueOf(Math.min(clients, Runtime.getRuntime().availableProcessors())), "-T", String.valueOf(seconds)));
    defines.forEach(d -> command.addAll(List.of("-D", d)));
    command.addAll(more);
    command.addAll(List.of("-f", script.toString(), pg.database()));
    return Processes.run(command, pg.env(), seconds + 120L);
  }

  /** Each logged transaction's time plus its schedule lag, in microseconds; failed ones are left out. */
  private static long[] scheduledLatencies(Path prefix) {
    List<Long> latencies = new ArrayList<>();
    try (Stream<Path> files = Files.list(prefix.getParent())) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix.getFileName() + ".")).toList()) {
        for (String line : Files.readAllLines(file)) {
          String[] f = line.trim().split("\\s+");
          if (f.length >= 7 && f[2].chars().allMatch(Character::isDigit)) {
            latencies.add(Long.parseLong(f[2]) + Long.parseLong(f[6]));
          }
        }
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return latencies.stream().mapToLong(Long::longValue).toArray();
  }

  private static double number(Pattern pattern, String out, String what) {
    Matcher m = pattern.matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("no " + what + " in pgbench output:\n" + out);
    }
    return Double.parseDouble(m.group(1));
  }
}
