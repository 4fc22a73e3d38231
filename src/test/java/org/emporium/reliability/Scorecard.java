package org.emporium.reliability;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One suite's results for the reliability scorecard: rows of cases with their figures, written as
 * {@code <dir>/<suite>.json} (dir: system property {@code reliability.dir}, default
 * {@code target/reliability}). The page generator reads every such file. Figures named
 * {@link #ZERO_TARGETS} are counts of harm (lost, duplicated, leaked, ...) whose target is 0.
 */
public final class Scorecard {

  /** Figure names the scorecard totals and expects to be 0. */
  public static final List<String> ZERO_TARGETS = List.of(
      "lost", "duplicated", "leaked", "oversold", "doubleCharged", "unfinishedSagas",
      "serverErrors", "stateChanges");

  private final String suite;
  private final String title;
  private final String mode;
  private final List<JsonObject> rows = new ArrayList<>();
  private final long started = System.currentTimeMillis();

  /**
   * @param suite file name and key, e.g. {@code faults}, {@code hostile-input}, {@code security}
   * @param title heading on the page
   * @param mode {@code short} (the default test command) or {@code full}
   */
  public Scorecard(String suite, String title, String mode) {
    this.suite = suite;
    this.title = title;
    this.mode = mode;
  }

  /**
   * Adds a case. {@code figures} keeps its order on the page; values are numbers or short strings.
   *
   * @param area grouping within the suite (e.g. {@code kill -9}, {@code API1 object level})
   * @param name what was done, in words
   * @param passed whether the case met its target
   */
  public synchronized Scorecard add(String area, String name, boolean passed, Map<String, ?> figures) {
    rows.add(new JsonObject()
        .put("area", area)
        .put("case", name)
        .put("outcome", passed ? "passed" : "failed")
        .put("figures", new JsonObject(new LinkedHashMap<>(figures))));
    return this;
  }

  /** Writes the suite's file (replacing the one of an earlier run) and returns its path. */
  public synchronized Path write() {
    JsonObject json = new JsonObject()
        .put("suite", suite)
        .put("title", title)
        .put("mode", mode)
        .put("startedAt", Instant.ofEpochMilli(started).toString())
        .put("finishedAt", Instant.now().toString())
        .put("machine", machine())
        .put("rows", new JsonArray(new ArrayList<>(rows)));
    Path dir = Path.of(System.getProperty("reliability.dir", "target/reliability"));
    Path file = dir.resolve(suite + ".json");
    try {
      Files.createDirectories(dir);
      Files.writeString(file, json.encodePrettily());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  private static JsonObject machine() {
    Runtime runtime = Runtime.getRuntime();
    return new JsonObject()
        .put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"))
        .put("arch", System.getProperty("os.arch"))
        .put("cores", runtime.availableProcessors())
        .put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
  }
}
