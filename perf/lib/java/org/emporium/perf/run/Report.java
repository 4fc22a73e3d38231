package org.emporium.perf.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Writes the results folder's {@code summary.json} and {@code table.md} (also printed) from what
 * the steps left there, then the plot; exits non-zero when a scenario, a load or a tool failed.
 */
final class Report {

  private Report() {
  }

  static void write(Path dir) throws IOException {
    List<String> failures = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    ObjectNode summary = Json.object();
    ObjectNode run = summary.putObject("run");
    properties(dir.resolve("run.properties")).forEach(run::put);
    boolean smoke = Boolean.parseBoolean(run.path("smoke").asText("false"));
    int repetitions = run.path("repetitions").asInt(1);
    ObjectNode machine = dir.resolve("machine.json").toFile().exists() ? (ObjectNode) Json.read(dir.resolve("machine.json"))
        : Json.object();
    machine.put("loadAverageBefore", machine.path("loadAverage").asText());
    machine.remove("loadAverage");
    if (Files.exists(dir.resolve("machine-after.json"))) {
      machine.put("loadAverageAfter", Json.read(dir.resolve("machine-after.json")).path("loadAverage").asText());
    }
    summary.set("machine", machine);
    summary.set("scenarios", scenarios(dir, failures));
    ObjectNode ratios = new RatioTable(dir, repetitions).build(failures);
    ratios.fields().forEachRemaining(entry -> {
      entry.getValue().path("repetitions").forEach(rep -> {
        long failed = rep.path("engine").path("latency").path("ko").asLong(0);
        if (failed > 0) {
          (smoke ? failures : warnings).add(entry.getKey() + ": " + failed + " engine requests failed at the latency rate"
              + " (repetition " + rep.path("repetition").asInt() + ")");
        }
      });
    });
    summary.set("ratios", ratios);
    summary.set("failures", Json.MAPPER.valueToTree(failures));
    summary.set("warnings", Json.MAPPER.valueToTree(warnings));
    summary.put("passed", failures.isEmpty());
    Json.write(dir.resolve("summary.json"), summary);

    List<String> table = table(summary);
    Files.write(dir.resolve("table.md"), table);
    table.forEach(System.out::println);
    Plot.write(dir.resolve("metrics.csv"), dir.resolve("phases.csv"), dir.resolve("throughput-latency.svg"));
    if (!failures.isEmpty()) {
      System.out.println("\nFAILED:\n  " + String.join("\n  ", failures));
      System.exit(1);
    }
  }

  private static ObjectNode scenarios(Path dir, List<String> failures) throws IOException {
    Map<String, List<JsonNode>> byScenario = new LinkedHashMap<>();
    Path runs = dir.resolve("runs");
    if (Files.isDirectory(runs)) {
      try (Stream<Path> files = Files.list(runs)) {
        // in the order they ran
        for (JsonNode run : files.map(Json::read).sorted(java.util.Comparator.comparingLong(
            (JsonNode r) -> r.path("startedMs").asLong())).toList()) {
          byScenario.computeIfAbsent(run.path("scenario").asText(), s -> new ArrayList<>()).add(run);
        }
      }
    }
    ObjectNode scenarios = Json.object();
    byScenario.forEach((name, list) -> {
      ObjectNode scenario = scenarios.putObject(name);
      for (String figure : List.of("perSecond", "p50", "p95", "p99", "p999", "max", "ko", "requests")) {
        scenario.set(figure, Figures.spread(list.stream().map(r -> r.path("stats").path(figure)).toList()));
      }
      ArrayNode all = scenario.putArray("runs");
      list.forEach(all::add);
      for (JsonNode run : list) {
        String which = name + " (repetition " + run.path("repetition").asInt() + ")";
        run.path("outcomes").fields().forEachRemaining(outcome -> outcome.getValue().path("failures")
            .forEach(failure -> failures.add(which + ", business outcome: " + failure.asText())));
        if (run.path("exitStatus").asInt() != 0) {
          failures.add(which + ": Gatling exited with " + run.path("exitStatus").asInt()
              + " (business outcomes or failed requests over the limit, or a crash; see its gatling.log)");
        }
      }
    });
    return scenarios;
  }

  private static List<String> table(JsonNode summary) {
    JsonNode m = summary.path("machine");
    JsonNode run = summary.path("run");
    List<String> lines = new ArrayList<>();
    lines.add("# perf/run " + run.path("command").asText() + " (" + run.path("startedAt").asText() + ")");
    lines.add("");
    lines.add("Machine: " + m.path("cpu").asText() + ", " + m.path("cores").asInt() + " cores, "
        + m.path("memoryGiB").asText() + " GiB, " + m.path("os").asText() + ", " + m.path("jdk").asText()
        + "; load average before " + m.path("loadAverageBefore").asText() + ", after "
        + m.path("loadAverageAfter").asText("?") + "; commit " + m.path("commit").asText() + ". "
        + run.path("repetitions").asText("1") + " repetition(s); medians, ranges in brackets.");
    if (run.path("smoke").asBoolean(false) || "true".equals(run.path("smoke").asText())) {
      lines.add("");
      lines.add("Smoke run: short, at fixed modest rates, the ratio loads beside the mix. The figures show that the"
          + " harness works, not how fast the engine is.");
    }
    lines.add("");
    lines.add("## Ratios: engine against the bare tool on the same servers");
    lines.add("");
    lines.addAll(RatioTable.markdown(summary.path("ratios")));
    if (summary.path("scenarios").size() > 0) {
      lines.add("");
      lines.add("## Scenarios (Gatling, open model)");
      lines.add("");
      lines.add("| scenario | requests/s | p50 / p99 / p99.9 ms | KO | outcomes |");
      lines.add("|---|---|---|---|---|");
      summary.path("scenarios").fields().forEachRemaining(entry -> {
        JsonNode s = entry.getValue();
        boolean passed = true;
        for (JsonNode r : s.path("runs")) {
          passed &= r.path("exitStatus").asInt() == 0;
        }
        lines.add("| " + entry.getKey() + " | " + Figures.show(s.get("perSecond")) + " | " + Figures.percentiles(s) + " | "
            + Figures.show(s.get("ko")) + " | " + (passed ? "held" : "FAILED") + outcomeFigures(s.path("runs")) + " |");
      });
    }
    return lines;
  }

  /** Paid orders, units sold and the flash sale's units, summed over repetitions. */
  private static String outcomeFigures(JsonNode runs) {
    long paid = 0;
    long units = 0;
    long flashSold = 0;
    long flashOffered = 0;
    for (JsonNode run : runs) {
      for (JsonNode outcome : run.path("outcomes")) {
        paid += outcome.path("figures").path("ordersPaid").asLong();
        units += outcome.path("figures").path("unitsSold").asLong();
        flashSold += outcome.path("flash").path("unitsSold").asLong();
        flashOffered += outcome.path("flash").path("unitsOffered").asLong();
      }
    }
    String figures = paid > 0 ? ": " + paid + " orders paid, " + units + " units sold" : "";
    return flashOffered > 0 ? figures + "; flash sale " + flashSold + " of " + flashOffered + " units" : figures;
  }

  private static Map<String, String> properties(Path file) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    if (Files.exists(file)) {
      Properties properties = new Properties();
      try (Reader reader = Files.newBufferedReader(file)) {
        properties.load(reader);
      }
      properties.stringPropertyNames().stream().sorted().forEach(key -> values.put(key, properties.getProperty(key)));
    }
    return values;
  }
}
