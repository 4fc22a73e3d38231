package org.emporium.perf.catalog;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Product by id driven by wrk: a native HTTP client in its own process, as pgbench is for SQL, so
 * the node has the JVM to itself. Random ids among the seeded products, keep-alive HTTP/1.1.
 */
final class Wrk {

  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern P50 = Pattern.compile("\\s50%\\s+([0-9.]+\\w+)");
  private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+\\w+)");

  record Result(double perSecond, String p50, String p99) {
  }

  private Wrk() {
  }

  static boolean available() {
    try {
      return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor() >= 0;
    } catch (Exception e) {
      return false;
    }
  }

  static Result run(Path dir, int port, List<UUID> ids, int connections, int seconds) throws Exception {
    Path script = dir.resolve("by-id.lua");
    Files.writeString(script, "local ids = {" + ids.stream().map(id -> "\"" + id + "\"")
        .collect(Collectors.joining(",")) + "}\n"
        + "request = function()\n"
        + "  return wrk.format(\"GET\", \"/api/v1/products/\" .. ids[math.random(#ids)])\n"
        + "end\n", StandardCharsets.UTF_8);
    Process process = new ProcessBuilder("wrk", "-t", "2", "-c", String.valueOf(connections), "-d", seconds + "s",
        "--latency", "-s", script.toString(), "http://127.0.0.1:" + port).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("wrk failed:\n" + output);
    }
    if (output.contains("Non-2xx")) {
      throw new IllegalStateException("wrk saw errors:\n" + output);
    }
    return new Result(Double.parseDouble(find(RATE, output)), find(P50, output), find(P99, output));
  }

  private static String find(Pattern pattern, String output) {
    Matcher matcher = pattern.matcher(output);
    if (!matcher.find()) {
      throw new IllegalStateException("unexpected wrk output:\n" + output);
    }
    return matcher.group(1);
  }
}
