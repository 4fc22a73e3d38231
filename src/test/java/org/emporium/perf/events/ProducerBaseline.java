package org.emporium.perf.events;

import org.apache.kafka.tools.ProducerPerformance;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own {@code ProducerPerformance} tool against the same broker with the same producer
 * settings as the relay: the bare figure the engine is compared with. It runs in this (warm) JVM
 * after a warm-up pass of its own, as the engine's runs do.
 */
final class ProducerBaseline {

  private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec .*?, "
      + "([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, "
      + "(\\d+) ms 99\\.9th");

  /** What the tool reports: throughput and send-to-acknowledgement latency percentiles. */
  record Result(long records, double perSecond, double p50, double p99, double p999, double max) {
  }

  static Result run(String topic, long records, int recordSize, int throughput, Map<String, String> producerSettings,
      Path workDir) throws Exception {
    ProducerPerformance.main(arguments(topic, Math.max(2_000, records / 5), recordSize, throughput, producerSettings));
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      ProducerPerformance.main(arguments(topic, records, recordSize, throughput, producerSettings));
    } finally {
      System.setOut(original);
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    Files.writeString(workDir.resolve("producer-perf-" + (throughput < 0 ? "max" : throughput) + ".log"), output);
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

  private static String[] arguments(String topic, long records, int recordSize, int throughput,
      Map<String, String> producerSettings) {
    List<String> args = new ArrayList<>(List.of("--topic", topic, "--num-records", String.valueOf(records),
        "--record-size", String.valueOf(recordSize), "--throughput", String.valueOf(throughput), "--producer-props"));
    producerSettings.forEach((key, value) -> {
      if (!key.endsWith("serializer") && !key.equals("client.id")) {
        args.add(key + "=" + value);
      }
    });
    return args.toArray(String[]::new);
  }
}
