package org.emporium.perf.events;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.emporium.perf.JitWarmUp;
import org.emporium.platform.clients.Clients;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.relay.OutboxRelayVerticle;
import org.emporium.platform.id.TimeOrderedIds;
import org.emporium.platform.node.Platform;
import org.emporium.platform.node.Readiness;
import org.emporium.testing.BackboneFixture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Commit-to-consumer latency of the event backbone (transaction with outbox row, relay, Kafka,
 * consumer) at fixed arrival rates and at its maximum, side by side with Kafka's own producer
 * performance tool on the same broker with the same producer settings. Run with
 * {@code perf/event-backbone}.
 */
public final class EventBackboneBenchmark {

  private static final String TOPIC = "bench.load.v1";

  public static void main(String[] args) throws Exception {
    int seconds = Integer.getInteger("bench.seconds", 20);
    List<Integer> rates = List.of(1000, 5000);
    Path results = Path.of(System.getProperty("bench.results", "perf/results"))
        .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-events");
    Files.createDirectories(results);
    Path dir = Files.createTempDirectory("emporium-bench");
    JsonObject summary = new JsonObject().put("machine", Machine.describe()).put("secondsPerRun", seconds);
    JsonArray rows = new JsonArray();
    try (BackboneFixture fixture = BackboneFixture.start(dir, "bench")) {
      Clients clients = fixture.clients();
      Vertx vertx = Vertx.vertx(new VertxOptions());
      Admin admin = Admin.create(new HashMap<>(clients.kafkaCommon("bench-admin")));
      int partitions = fixture.config().events().partitions();
      admin.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1),
          new NewTopic("bench.baseline.v1", partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
      Clock clock = Clock.systemUTC();
      TimeOrderedIds ids = new TimeOrderedIds(clock);
      Platform platform = new Platform(fixture.config(), clock, ids, clients, new Readiness(), null, admin);
      vertx.deployVerticle(new OutboxRelayVerticle(platform)).await(60, TimeUnit.SECONDS);
      Pool pool = clients.postgres(vertx, "bench");
      EventLoad load = new EventLoad(vertx, pool, new Outbox("bench", "bench-1", ids, clock), 64);

      try (EndToEndLatency latency = new EndToEndLatency(fixture.kafkaBootstrapServers(), TOPIC)) {
        latency.awaitAssignment();
        System.out.println("warming up until the JIT compiler settles...");
        JitWarmUp.run(5_000L,
            () -> load.run(1_000, 5).await(60, TimeUnit.SECONDS),
            (written, jitMs) -> System.out.println("warm-up: " + written + " events, JIT " + jitMs + " ms"));
        Thread.sleep(2000);
        for (int rate : rates) {
          latency.start();
          long written = load.run(rate, seconds).await(10, TimeUnit.MINUTES);
          awaitReceived(latency, written);
          Percentiles engine = latency.stop();
          ProducerBaseline.Result bare = ProducerBaseline.run("bench.baseline.v1", (long) rate * seconds,
              EnvelopeSize.typical(), rate, clients.kafkaProducerSettings("bench-baseline"), results);
          rows.add(row("fixed " + rate + "/s", written / (double) seconds, engine, bare, load.failed())
              .put("split", split(latency)));
        }
        latency.start();
        long written = load.runClosed(64, seconds).await(10, TimeUnit.MINUTES);
        awaitReceived(latency, written);
        Percentiles engine = latency.stop();
        ProducerBaseline.Result bare = ProducerBaseline.run("bench.baseline.v1", 300_000, EnvelopeSize.typical(), -1,
            clients.kafkaProducerSettings("bench-baseline"), results);
        rows.add(row("maximum", written / (double) seconds, engine, bare, load.failed()).put("split", split(latency)));
      }
      vertx.close().await(30, TimeUnit.SECONDS);
      admin.close();
    }
    summary.put("runs", rows);
    String table = Table.render(rows);
    System.out.println(table);
    Files.writeString(results.resolve("summary.json"), summary.encodePrettily());
    Files.writeString(results.resolve("table.txt"), table);
    System.out.println("results in " + results);
  }

  private static void awaitReceived(EndToEndLatency latency, long expected) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 120_000;
    while (latency.received() < expected && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
  }

  private static JsonObject row(String run, double committedPerSecond, Percentiles engine,
      ProducerBaseline.Result bare, long failed) {
    return new JsonObject()
        .put("run", run)
        .put("engineEventsPerSecond", Math.round(committedPerSecond))
        .put("engineDelivered", engine.count())
        .put("engineFailedWrites", failed)
        .put("engineP50Ms", engine.p50()).put("engineP99Ms", engine.p99()).put("engineP999Ms", engine.p999())
        .put("producerRecordsPerSecond", Math.round(bare.perSecond()))
        .put("producerP50Ms", bare.p50()).put("producerP99Ms", bare.p99()).put("producerP999Ms", bare.p999())
        .put("p99Ratio", bare.p99() > 0 ? engine.p99() / bare.p99() : Double.NaN);
  }

  /** The last window's latency in two parts, split at the relay's send (the record's timestamp, whole ms). */
  private static JsonObject split(EndToEndLatency latency) {
    Percentiles relay = latency.relayShare();
    Percentiles kafka = latency.kafkaShare();
    return new JsonObject()
        .put("commitToSendP50Ms", relay.p50()).put("commitToSendP99Ms", relay.p99())
        .put("commitToSendP999Ms", relay.p999())
        .put("sendToConsumerP50Ms", kafka.p50()).put("sendToConsumerP99Ms", kafka.p99())
        .put("sendToConsumerP999Ms", kafka.p999());
  }

  private EventBackboneBenchmark() {
  }

  /** A typical envelope's size, so the bare producer sends records as large as the relay's. */
  static final class EnvelopeSize {
    static int typical() {
      return 560;
    }
  }

  /** What the figures were measured on. */
  static final class Machine {
    static String describe() {
      return Runtime.getRuntime().availableProcessors() + " cores, "
          + Math.round(((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
              .getOperatingSystemMXBean()).getTotalMemorySize() / (1024.0 * 1024 * 1024)) + " GiB, Java "
          + System.getProperty("java.version") + "; embedded PostgreSQL 17 (fsync=on, synchronous_commit=on), "
          + "Kafka 3.9 single KRaft broker in-process";
    }
  }

  /** The side-by-side table. */
  static final class Table {
    static String render(JsonArray rows) {
      StringBuilder out = new StringBuilder(String.format("%-14s %10s %28s %10s %28s %8s%n", "run", "engine ev/s",
          "engine p50 / p99 / p99.9 ms", "bare rec/s", "bare p50 / p99 / p99.9 ms", "p99 x"));
      for (Object o : rows) {
        JsonObject r = (JsonObject) o;
        out.append(String.format("%-14s %10d %28s %10d %28s %8.2f%n", r.getString("run"),
            r.getLong("engineEventsPerSecond"),
            String.format("%.1f / %.1f / %.1f", r.getDouble("engineP50Ms"), r.getDouble("engineP99Ms"),
                r.getDouble("engineP999Ms")),
            r.getLong("producerRecordsPerSecond"),
            String.format("%.0f / %.0f / %.0f", r.getDouble("producerP50Ms"), r.getDouble("producerP99Ms"),
                r.getDouble("producerP999Ms")),
            r.getDouble("p99Ratio")));
      }
      out.append(String.format("%nthe engine's latency split at the relay's send (record timestamp, whole ms)%n"));
      out.append(String.format("%-14s %32s %32s%n", "run", "commit to send p50 / p99 / p99.9", "send to consumer p50 / p99 / p99.9"));
      for (Object o : rows) {
        JsonObject r = (JsonObject) o;
        JsonObject split = r.getJsonObject("split");
        out.append(String.format("%-14s %32s %32s%n", r.getString("run"),
            String.format("%.1f / %.1f / %.1f", split.getDouble("commitToSendP50Ms"), split.getDouble("commitToSendP99Ms"),
                split.getDouble("commitToSendP999Ms")),
            String.format("%.1f / %.1f / %.1f", split.getDouble("sendToConsumerP50Ms"),
                split.getDouble("sendToConsumerP99Ms"), split.getDouble("sendToConsumerP999Ms"))));
      }
      return out.toString();
    }
  }
}
