package org.emporium.perf.events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own {@code ProducerPerformance} tool, run as a separate JVM against the same broker with
 * the same producer settings as the relay: the bare figure the engine is compared with.
 */
final class ProducerBaseline {

  private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec .*?, "
      + "([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, "
      + "(\\d+) ms 99\\.9th");

  /** What the tool reports: throughput and send-to-acknowledgement latency percentiles. */
  record Result(long records, double perSecond, double p50, double p99, double p999, double max) {
  }

  static Result run(String topic, long records, int recordSize, int throughput, Map<String, String> producerSettings,
      Path workDir) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.ProducerPerformance",
        "--topic", topic, "--num-records", String.valueOf(records), "--record-size", String.valueOf(recordSize),
        "--throughput", String.valueOf(throughput), "--producer-props"));
    producerSettings.forEach((key, value) -> {
      if (!key.endsWith("serializer") && !key.equals("client.id")) {
        command.add(key + "=" + value);
      }
    });
    Path log = workDir.resolve("producer-perf-" + throughput + ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("ProducerPerformance did not finish; see " + log);
    }
    String output = Files.readString(log);
    Matcher summary = SUMMARY.matcher(output);
    Result result = null;
    while (summary.find()) {
      result = new Result(Long.parseLong(summary.group(1)), Double.parseDouble(summary.group(2)),
          Double.parseDouble(summary.group(5)), Double.parseDouble(summary.group(7)),
          Double.parseDouble(summary.group(8)), Double.parseDouble(summary.group(4)));
    }
    if (result == null) {
      throw new IllegalStateException("no summary from ProducerPerformance:\n" + output);
    }
    return result;
  }
}
