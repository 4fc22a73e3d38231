package org.emporium.perf.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One Gatling run as the summary keeps it ({@code runs/<scenario>-<repetition>.json}): its exit
 * status, the statistics of its HTML report, and the business outcomes the simulation wrote
 * ({@code outcomes-*.json} in the run's folder).
 */
final class RunRecord {

  private static final String OUTCOMES_CHECK = "business outcomes";

  private RunRecord() {
  }

  static void write(Args args) throws IOException {
    Path dir = Path.of(args.get("dir"));
    Path runDir = Path.of(args.get("run-dir"));
    ObjectNode run = Json.object().put("scenario", args.get("scenario")).put("repetition", args.integer("rep", 1))
        .put("simulation", args.get("simulation")).put("exitStatus", args.integer("status", -1))
        .put("startedMs", Long.parseLong(args.get("started"))).put("endedMs", Long.parseLong(args.get("ended")));
    List<Path> reports = children(runDir).stream().filter(p -> Files.exists(p.resolve("index.html"))).toList();
    if (reports.isEmpty()) {
      run.put("report", (String) null);
    } else {
      Path report = reports.get(reports.size() - 1);
      run.put("report", dir.relativize(report).toString());
      run.set("stats", measured(GatlingStats.read(report), args.integer("seconds", 0)));
    }
    ObjectNode outcomes = run.putObject("outcomes");
    for (Path file : children(runDir)) {
      String name = file.getFileName().toString();
      if (name.startsWith("outcomes-") && name.endsWith(".json")) {
        outcomes.set(name.substring("outcomes-".length(), name.length() - ".json".length()), Json.read(file));
      }
    }
    Json.write(dir.resolve("runs").resolve(args.get("scenario") + "-" + args.integer("rep", 1) + ".json"), run);
  }

  /**
   * Requests and throughput of the load itself: the simulations' last user, "business outcomes"
   * (one check after the shoppers), is taken out, and the rate is over the arrival window
   * ({@code perf.seconds}) rather than Gatling's whole run, which includes preparing and settling.
   */
  private static ObjectNode measured(ObjectNode stats, int seconds) {
    for (JsonNode request : stats.path("requests")) {
      if (OUTCOMES_CHECK.equals(request.path("name").asText())) {
        for (String count : List.of("requests", "ok", "ko")) {
          stats.put(count, stats.path(count).asDouble() - request.path(count).asDouble());
        }
      }
    }
    stats.put("gatlingPerSecond", stats.path("perSecond").asDouble());
    if (seconds > 0) {
      stats.put("perSecond", Figures.round(stats.path("requests").asDouble() / seconds));
    }
    return stats;
  }

  private static List<Path> children(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }
}
