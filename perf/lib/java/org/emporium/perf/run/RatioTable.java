package org.emporium.perf.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ratio table: per context, the engine's figure (highest rate held in the open-model steps, or
 * the one fixed rate of a smoke run; the relay's burst rate for events) and latency at about 70% of
 * it, beside the bare tool's best rate and its latency, over every repetition.
 */
final class RatioTable {

  static final List<String> CONTEXTS = List.of("inventory", "cart", "checkout", "events");
  private static final Map<String, String> ENGINE = Map.of(
      "inventory", "hot-SKU reservations/s over REST (`POST /api/v1/inventory/reservations`)",
      "cart", "cart add-line/s over REST (`POST /api/v1/carts/{id}/items`)",
      "checkout", "guest checkouts/s over REST (`POST /api/v1/checkout`)",
      "events", "events/s the outbox relay published (burst, `acks=all`)");

  private final Path dir;
  private final int repetitions;

  RatioTable(Path dir, int repetitions) {
    this.dir = dir;
    this.repetitions = repetitions;
  }

  ObjectNode build(List<String> failures) {
    ObjectNode ratios = Json.object();
    for (String context : CONTEXTS) {
      ArrayNode reps = Json.MAPPER.createArrayNode();
      for (int rep = 1; rep <= repetitions; rep++) {
        ObjectNode row = Json.object().put("repetition", rep);
        row.set("engine", engine(context, rep));
        row.set("baseline", read(dir.resolve("baselines/" + context + "-" + rep + ".json")));
        double engine = row.path("engine").path("perSecond").asDouble(Double.NaN);
        double baseline = row.path("baseline").path("perSecond").asDouble(Double.NaN);
        if (!Double.isNaN(engine) && baseline > 0) {
          row.put("ratio", Figures.round(engine / baseline));
        }
        for (String side : List.of("engine", "baseline")) {
          if (row.path(side).has("error")) {
            failures.add(context + " " + side + " (repetition " + rep + "): " + row.path(side).get("error").asText());
          }
        }
        reps.add(row);
      }
      if (reps.path(0).path("engine").isMissingNode() || reps.path(0).path("engine").isEmpty()) {
        continue;
      }
      ObjectNode entry = ratios.putObject(context).put("engineFigure", ENGINE.get(context));
      entry.set("engine", aggregate(reps, "engine"));
      entry.set("baseline", aggregate(reps, "baseline"));
      entry.set("ratio", Figures.spread(values(reps, "ratio")));
      entry.set("repetitions", reps);
    }
    return ratios;
  }

  private ObjectNode engine(String context, int rep) {
    if (context.equals("events")) {
      return read(dir.resolve("engine/events-" + rep + ".json"));
    }
    JsonNode search = read(dir.resolve("gatling/ratios-search-" + rep + "/ratio-search-" + context + ".json"));
    JsonNode hold = read(dir.resolve("gatling/ratios-hold-" + rep + "/ratio-hold-" + context + ".json"));
    ObjectNode engine = Json.object();
    if (!search.isEmpty()) {
      int best = search.path("best").asInt(-1);
      if (best >= 0) {
        JsonNode step = search.path("steps").get(best);
        engine.put("perSecond", step.get("perSecond").asDouble()).put("rate", step.get("rate").asDouble());
      } else {
        engine.put("note", "not even the lowest rate was held");
      }
      engine.set("search", search);
    }
    if (!hold.isEmpty()) {
      JsonNode step = hold.path("steps").get(0);
      if (search.isEmpty()) {
        engine.put("perSecond", step.get("perSecond").asDouble()).put("rate", step.get("rate").asDouble())
            .put("note", "smoke: one fixed rate, not a maximum");
      }
      ObjectNode latency = engine.putObject("latency").put("rate", step.get("rate").asDouble())
          .put("ko", step.get("ko").asLong());
      for (String p : List.of("p50", "p99", "p999", "max")) {
        latency.set(p, step.get(p));
      }
      engine.set("hold", hold);
    }
    return engine;
  }

  private static ObjectNode aggregate(ArrayNode reps, String side) {
    ObjectNode out = Json.object();
    out.set("perSecond", Figures.spread(values(reps, side + ".perSecond")));
    ObjectNode latency = out.putObject("latency");
    for (String p : List.of("rate", "p50", "p99", "p999")) {
      latency.set(p, Figures.spread(values(reps, side + ".latency." + p)));
    }
    for (String text : List.of("tool", "shape", "skipped", "note", "latencyNote", "error")) {
      JsonNode first = reps.get(0).path(side).path(text);
      if (first.isTextual()) {
        out.put(text, first.asText());
      }
    }
    return out;
  }

  private static List<JsonNode> values(ArrayNode reps, String path) {
    List<JsonNode> values = new ArrayList<>();
    for (JsonNode rep : reps) {
      JsonNode node = rep;
      for (String part : path.split("\\.")) {
        node = node.path(part);
      }
      values.add(node);
    }
    return values;
  }

  private static ObjectNode read(Path file) {
    return Files.exists(file) ? (ObjectNode) Json.read(file) : Json.object();
  }

  /** The markdown rows. */
  static List<String> markdown(JsonNode ratios) {
    List<String> lines = new ArrayList<>(List.of(
        "| context | engine figure | baseline figure | ratio | engine p50 / p99 / p99.9 ms | baseline p50 / p99 / p99.9 ms |",
        "|---|---|---|---|---|---|"));
    ratios.fields().forEachRemaining(entry -> {
      JsonNode row = entry.getValue();
      JsonNode engine = row.path("engine");
      JsonNode baseline = row.path("baseline");
      String engineText = Figures.show(engine.get("perSecond")) + " " + row.path("engineFigure").asText()
          + (engine.has("note") ? "; " + engine.get("note").asText() : "");
      String baselineText = baseline.has("skipped") ? "not run: " + baseline.get("skipped").asText()
          : baseline.has("error") ? "failed: " + baseline.get("error").asText().lines().findFirst().orElse("")
          : Figures.show(baseline.get("perSecond")) + "/s " + baseline.path("tool").asText()
              + (baseline.has("shape") ? ", best at " + baseline.get("shape").asText() : "");
      lines.add("| " + entry.getKey() + " | " + engineText + " | " + baselineText + " | " + Figures.show(row.get("ratio"))
          + " | " + latency(engine.path("latency")) + " | " + latency(baseline.path("latency"))
          + (baseline.has("latencyNote") ? " (" + baseline.get("latencyNote").asText() + ")" : "") + " |");
    });
    return lines;
  }

  private static String latency(JsonNode latency) {
    if (latency.isMissingNode() || latency.path("p50").isNull() || latency.path("p50").isMissingNode()) {
      return "-";
    }
    return Figures.percentiles(latency) + (latency.has("rate") && latency.get("rate").isObject()
        ? " at " + Figures.show(latency.get("rate")) + "/s" : "");
  }
}
