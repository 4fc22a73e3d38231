package org.emporium.reliability;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes the reliability scorecard, a markdown page, from the suites' JSON files
 * ({@code <dir>/*.json}, see {@link Scorecard}): when and where it ran, a summary (load held,
 * faults survived, inputs tried, the totals of every harm figure against its target of 0), then one
 * table per suite. Arguments: the results directory (default {@code target/reliability}) and the
 * page (default: system property {@code reliability.page}, else {@code <dir>/scorecard.md}).
 */
public final class ScorecardPage {

  /** The suites the page expects, in page order; any other file found is listed after them. */
  static final List<String> SUITES = List.of("faults", "hostile-input", "security");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  private ScorecardPage() {
  }

  public static void main(String[] args) {
    Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("reliability.dir", "target/reliability"));
    Path page = Path.of(args.length > 1 ? args[1]
        : System.getProperty("reliability.page", dir.resolve("scorecard.md").toString()));
    System.out.println("Reliability scorecard: " + write(dir, page));
  }

  /** Reads every suite file of {@code dir} and writes the page; returns its path. */
  static Path write(Path dir, Path page) {
    try {
      List<JsonObject> suites = new ArrayList<>();
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.list(dir)) {
          for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
            suites.add(new JsonObject(Files.readString(file)));
          }
        }
      }
      suites.sort(Comparator.comparingInt(ScorecardPage::rank));
      Path parent = page.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.writeString(page, render(suites));
      return page;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int rank(JsonObject suite) {
    int index = SUITES.indexOf(suite.getString("suite"));
    return index < 0 ? SUITES.size() : index;
  }

  static String render(List<JsonObject> suites) {
    StringBuilder page = new StringBuilder("# Reliability scorecard\n\n");
    page.append("Generated from the suites' results (`target/reliability/*.json`) by `reliability/run`, which")
        .append(" rewrites this page; do not edit by hand. What each suite does and how to run it:")
        .append(" [reliability/README.md](../reliability/README.md).\n\n");
    if (suites.isEmpty()) {
      return page.append("No results: no suite has run.\n").toString();
    }
    header(page, suites);
    summary(page, suites);
    for (JsonObject suite : suites) {
      table(page, suite);
    }
    return page.toString();
  }

  private static void header(StringBuilder page, List<JsonObject> suites) {
    String first = suites.stream().map(s -> s.getString("startedAt", "")).filter(s -> !s.isEmpty()).sorted()
        .findFirst().orElse(null);
    String last = suites.stream().map(s -> s.getString("finishedAt", "")).filter(s -> !s.isEmpty())
        .max(Comparator.naturalOrder()).orElse(null);
    Set<String> modes = suites.stream().map(s -> s.getString("mode", "?")).collect(Collectors.toCollection(LinkedHashSet::new));
    String mode = modes.size() == 1 ? modes.iterator().next()
        : suites.stream().map(s -> s.getString("mode", "?") + " (" + s.getString("suite") + ")")
            .collect(Collectors.joining(", "));
    page.append("- **When:** ").append(first == null ? "unknown" : WHEN.format(Instant.parse(first)));
    if (last != null) {
      page.append(" to ").append(WHEN.format(Instant.parse(last)));
    }
    page.append("\n- **Mode:** ").append(mode).append(modes.contains("short")
        ? " (the short version, as in `mvn -B verify`; `reliability/run` without `--short` runs the full one)"
        : " (`reliability/run`, longer load and outages)").append('\n');
    JsonObject machine = suites.get(0).getJsonObject("machine", new JsonObject());
    page.append("- **Machine:** ").append(machine.getString("os", "?")).append(", ").append(machine.getString("arch", "?"))
        .append(", ").append(machine.getValue("cores", "?")).append(" cores, ").append(machine.getString("java", "?"))
        .append("\n\n");
  }

  private static void summary(StringBuilder page, List<JsonObject> suites) {
    List<JsonObject> rows = suites.stream().flatMap(ScorecardPage::rows).toList();
    List<JsonObject> faults = suites.stream().filter(s -> "faults".equals(s.getString("suite")))
        .flatMap(ScorecardPage::rows).toList();
    page.append("## Summary\n\n| | |\n|---|---|\n");
    long acknowledged = sum(faults, "acknowledged");
    long shoppers = sum(faults, "shoppers");
    String rates = faults.stream().map(r -> figures(r).get("ratePerSecond")).filter(Number.class::isInstance)
        .map(rate -> new java.math.BigDecimal(rate.toString()).stripTrailingZeros().toPlainString()).distinct()
        .collect(Collectors.joining(", "));
    page.append("| Load held | ").append(faults.isEmpty() ? "not run" : acknowledged + " checkouts acknowledged of "
        + shoppers + " shoppers arriving" + (rates.isEmpty() ? "" : " at " + rates + "/s") + " during "
        + faults.size() + (faults.size() == 1 ? " fault" : " faults")).append(" |\n");
    long survived = faults.stream().filter(ScorecardPage::passed).count();
    page.append("| Faults injected / survived | ").append(faults.isEmpty() ? "not run" : faults.size() + " / " + survived
        + " (" + faults.stream().map(r -> r.getString("area")).distinct().collect(Collectors.joining(", ")) + ")")
        .append(" |\n");
    page.append("| Inputs tried | ").append(tried(suites)).append(" |\n");
    long passed = rows.stream().filter(ScorecardPage::passed).count();
    page.append("| Cases passed / failed | ").append(passed).append(" / ").append(rows.size() - passed).append(" |\n");
    List<String> missing = SUITES.stream().filter(name -> suites.stream().noneMatch(s -> name.equals(s.getString("suite"))))
        .toList();
    if (!missing.isEmpty()) {
      page.append("| Suites not run | ").append(String.join(", ", missing)).append(" |\n");
    }
    page.append("\n| harm | total | target | met |\n|---|---|---|---|\n");
    for (String name : Scorecard.ZERO_TARGETS) {
      List<JsonObject> counted = rows.stream().filter(r -> figures(r).containsKey(name)).toList();
      if (counted.isEmpty()) {
        page.append("| ").append(name).append(" | not counted | 0 | - |\n");
      } else {
        long total = sum(counted, name);
        page.append("| ").append(name).append(" | ").append(total).append(" | 0 | ").append(total == 0 ? "yes" : "**no**")
            .append(" |\n");
      }
    }
    page.append('\n');
  }

  private static String tried(List<JsonObject> suites) {
    List<String> parts = new ArrayList<>();
    for (JsonObject suite : suites) {
      List<JsonObject> rows = rows(suite).toList();
      if (rows.stream().anyMatch(r -> figures(r).containsKey("tried"))) {
        parts.add(sum(rows, "tried") + " (" + suite.getString("suite") + ")");
      }
    }
    return parts.isEmpty() ? "not counted" : String.join(", ", parts);
  }

  private static void table(StringBuilder page, JsonObject suite) {
    List<JsonObject> rows = rows(suite).toList();
    page.append("## ").append(cell(suite.getString("title", suite.getString("suite")))).append(" (`")
        .append(suite.getString("suite")).append("`, ").append(suite.getString("mode", "?")).append(" mode, ")
        .append(rows.size()).append(rows.size() == 1 ? " case" : " cases").append(")\n\n")
        .append("| area | case | outcome | figures |\n|---|---|---|---|\n");
    for (JsonObject row : rows) {
      page.append("| ").append(cell(row.getString("area", ""))).append(" | ").append(cell(row.getString("case", "")))
          .append(" | ").append(passed(row) ? "passed" : "**failed**").append(" | ").append(figureCell(figures(row)))
          .append(" |\n");
    }
    page.append('\n');
  }

  private static String figureCell(Map<String, Object> figures) {
    return figures.entrySet().stream().map(figure -> {
      String text = figure.getKey() + " " + cell(String.valueOf(figure.getValue()));
      boolean harm = Scorecard.ZERO_TARGETS.contains(figure.getKey()) && figure.getValue() instanceof Number n
          && n.doubleValue() != 0;
      return harm ? "**" + text + "**" : text;
    }).collect(Collectors.joining(", "));
  }

  private static Stream<JsonObject> rows(JsonObject suite) {
    JsonArray rows = suite.getJsonArray("rows", new JsonArray());
    return rows.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast);
  }

  private static Map<String, Object> figures(JsonObject row) {
    return new LinkedHashMap<>(row.getJsonObject("figures", new JsonObject()).getMap());
  }

  private static boolean passed(JsonObject row) {
    return "passed".equals(row.getString("outcome"));
  }

  private static long sum(List<JsonObject> rows, String figure) {
    return rows.stream().map(r -> figures(r).get(figure)).filter(Number.class::isInstance)
        .mapToLong(value -> ((Number) value).longValue()).sum();
  }

  /** A table cell: pipes and line breaks would end it. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
