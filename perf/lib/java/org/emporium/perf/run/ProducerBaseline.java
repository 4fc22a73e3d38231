package org.emporium.perf.run;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.tools.ProducerPerformance;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own {@code ProducerPerformance} (kafka-tools) against the node's broker, with the
 * relay's producer settings ({@code acks=all}, idempotence, 5 in flight, default linger) and
 * records the size of a typical envelope: at full speed, then at 70% of it for the percentiles.
 */
final class ProducerBaseline {

  static final int RECORD_SIZE = 560;
  private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec .*?, "
      + "([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, "
      + "(\\d+) ms 99\\.9th");

  private final Endpoint kafka;

  ProducerBaseline(Endpoint kafka) {
    this.kafka = kafka;
  }

  /** A first run of {@code firstRecords}; unless {@code once}, a second one of about {@code seconds}, measured. */
  ObjectNode measure(String topic, long firstRecords, int seconds, boolean once) throws Exception {
    createTopic(topic);
    Matcher max = run(topic, firstRecords, -1);
    double perSecond = Double.parseDouble(max.group(2));
    if (!once) {
      max = run(topic, Math.max(firstRecords, (long) (perSecond * seconds)), -1);
      perSecond = Double.parseDouble(max.group(2));
    }
    int rate = (int) Math.max(1, perSecond * 0.7);
    Matcher paced = run(topic, Math.max(1_000, (long) rate * seconds), rate);
    ObjectNode latency = Json.object().put("rate", rate);
    Json.putMs(latency, "p50", Double.parseDouble(paced.group(5)));
    Json.putMs(latency, "p99", Double.parseDouble(paced.group(7)));
    Json.putMs(latency, "p999", Double.parseDouble(paced.group(8)));
    Json.putMs(latency, "max", Double.parseDouble(paced.group(4)));
    ObjectNode result = Json.object().put("tool", "Kafka ProducerPerformance (" + RECORD_SIZE
        + "-byte records, acks=all, idempotent)").put("perSecond", perSecond).put("shape", "one producer")
        .put("latencyNote", "send to acknowledgement");
    result.set("latency", latency);
    return result;
  }

  /** Like the relay's topics: {@code events.partitions} (6) partitions, one replica (the broker creates none itself). */
  private void createTopic(String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.toString()))) {
      if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
        admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
      }
    }
  }

  /** In this JVM (kafka-tools is on the engine's test classpath), as the event-backbone benchmark runs it. */
  private Matcher run(String topic, long records, int throughput) throws Exception {
    String[] args = {"--topic", topic, "--num-records", String.valueOf(records), "--record-size",
        String.valueOf(RECORD_SIZE), "--throughput", String.valueOf(throughput), "--producer-props",
        "bootstrap.servers=" + kafka, "acks=all", "enable.idempotence=true", "max.in.flight.requests.per.connection=5"};
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      ProducerPerformance.main(args);
    } finally {
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    Matcher summary = SUMMARY.matcher(out);
    int last = -1;
    while (summary.find()) {
      last = summary.start();
    }
    if (last < 0) {
      throw new IllegalStateException("no summary from ProducerPerformance:\n" + out);
    }
    Matcher found = SUMMARY.matcher(out);
    found.find(last);
    return found;
  }
}
