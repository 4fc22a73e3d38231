package org.emporium.perf.gatling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The statistics table of a Gatling HTML report (Gatling 3.15 writes no stats.json) as JSON: per
 * request and group, counts, events per second over the whole run, and response times (min,
 * p50, p95, p99, p99.9, max, mean, standard deviation, ms). Requests under the group "warm-up" are
 * the warm-up's. Run as {@code java -cp target/test-classes org.emporium.perf.gatling.ReportStats
 * <report folder> [<out.json>]}; every simulation also writes {@code stats-<simulation>.json} itself
 * when its JVM exits, once the report is there.
 */
public final class ReportStats {

  private static final Pattern ROW = Pattern.compile("<tr id=\"([^\"]+)\"(?: data-parent=\"([^\"]*)\")?\\s*>(.*?)</tr>",
      Pattern.DOTALL);
  private static final Pattern NAME = Pattern.compile("class=\"ellipsed-name\">(.*?)</span>", Pattern.DOTALL);
  private static final Pattern VALUE = Pattern.compile("<td class=\"value [^\"]*col-(\\d+)\">([^<]*)</td>");
  private static final String[] COLUMNS = {null, null, "total", "ok", "ko", "koPercent", "perSecond", "min", "p50", "p95",
      "p99", "p999", "max", "mean", "stdDev"};

  private ReportStats() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: ReportStats <gatling report folder> [<out.json>]");
      System.exit(2);
    }
    Path report = Path.of(args[0]);
    String json = toJson(report, null);
    if (args.length > 1) {
      Files.writeString(Path.of(args[1]), json);
    } else {
      System.out.println(json);
    }
  }

  /** The newest report of {@code simulation} under {@code resultsFolder} made after {@code sinceMillis}. */
  static Optional<Path> latest(Path resultsFolder, String simulation, long sinceMillis) throws IOException {
    if (!Files.isDirectory(resultsFolder)) {
      return Optional.empty();
    }
    String prefix = simulation.toLowerCase(Locale.ROOT) + "-";
    try (Stream<Path> runs = Files.list(resultsFolder)) {
      return runs.filter(p -> p.getFileName().toString().startsWith(prefix))
          .filter(p -> Files.isRegularFile(p.resolve("index.html")))
          .filter(p -> p.resolve("index.html").toFile().lastModified() >= sinceMillis)
          .max((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    }
  }

  /** The table as JSON; {@code measuredSeconds}, when known, adds each measured request's rate over the window. */
  static String toJson(Path report, Integer measuredSeconds) throws IOException {
    String html = Files.readString(report.resolve("index.html"));
    Map<String, String> groups = new HashMap<>();
    List<String> rows = new ArrayList<>();
    Matcher row = ROW.matcher(html);
    while (row.find()) {
      String id = row.group(1);
      String parent = row.group(2);
      Matcher name = NAME.matcher(row.group(3));
      if (!name.find()) {
        continue;
      }
      String label = unescape(name.group(1).trim());
      if (id.startsWith("group_")) {
        groups.put(id, label);
      }
      Map<String, String> values = new TreeMap<>();
      Matcher value = VALUE.matcher(row.group(3));
      while (value.find()) {
        int column = Integer.parseInt(value.group(1));
        if (column < COLUMNS.length && COLUMNS[column] != null) {
          values.put(COLUMNS[column], value.group(2).trim());
        }
      }
      String group = parent == null || "ROOT".equals(parent) ? null : groups.get(parent);
      StringBuilder out = new StringBuilder("{\"name\": ").append(quote(label))
          .append(", \"kind\": ").append(quote("ROOT".equals(id) ? "all" : id.startsWith("group_") ? "group" : "request"))
          .append(", \"group\": ").append(group == null ? "null" : quote(group));
      values.forEach((k, v) -> out.append(", \"").append(k).append("\": ").append(number(v)));
      if (measuredSeconds != null && measuredSeconds > 0 && group == null && id.startsWith("req_")) {
        out.append(", \"measuredPerSecond\": ")
            .append(String.format(Locale.ROOT, "%.3f", Long.parseLong(values.getOrDefault("total", "0"))
                / (double) measuredSeconds));
      }
      rows.add(out.append("}").toString());
    }
    return "{\"report\": " + quote(report.toAbsolutePath().normalize().toString())
        + (measuredSeconds == null ? "" : ", \"measuredSeconds\": " + measuredSeconds)
        + ", \"rows\": [\n  " + String.join(",\n  ", rows) + "\n]}\n";
  }

  private static String number(String value) {
    return value.matches("-?\\d+(\\.\\d+)?") ? value : "null";
  }

  private static String unescape(String html) {
    return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
