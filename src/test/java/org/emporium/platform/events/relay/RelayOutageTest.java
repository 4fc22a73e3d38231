package org.emporium.platform.events.relay;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.management.OperatingSystemMXBean;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.OutboxEvent;
import org.emporium.testing.BackboneFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.platform.events.relay.RelayHarness.await;

/** Kafka down for 30 s while events keep coming: nothing is lost, it all drains, the relay idles. */
class RelayOutageTest {

  static final long OUTAGE_MS = 30_000;
  static final String TOPIC = "outage.order.v1";

  @TempDir
  static Path dir;
  static BackboneFixture fixture;
  static NodeConfig config;
  static Admin admin;
  static Vertx vertx;

  @BeforeAll
  static void start() {
    fixture = BackboneFixture.start(dir, "outage");
    config = RelayHarness.withEvents(fixture.config(), new JsonObject()
        .put("relay", new JsonObject().put("publishTimeoutMs", 5000).put("maxBackoffMs", 3000)));
    admin = RelayHarness.admin(config);
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    await(vertx.close());
    admin.close(Duration.ofSeconds(5));
    fixture.close();
  }

  @Test
  void nothingIsLostAndTheRelayStaysQuietWhileTheBrokerIsDown() throws Exception {
    ListAppender<ILoggingEvent> drainLog = capture(OutboxDrain.class);
    RelayHarness.deploy(vertx, RelayHarness.platform(config, admin));
    Pool pool = fixture.clients().postgres(vertx, "outage");
    AtomicBoolean writing = new AtomicBoolean(true);
    Future<Void> writer = writeWhile(pool, RelayHarness.outbox("outage"), writing, 0);
    RelayHarness.awaitCondition("the first events are published", Duration.ofSeconds(30),
        () -> count(pool, "published_at IS NOT NULL") >= 50);

    fixture.stopKafka();
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuBefore = os.getProcessCpuTime();
    long wallBefore = System.nanoTime();
    long writtenBefore = count(pool, "true");
    // once the first pass failed, a pass is a probe of one shard: one connection waits for the
    // broker, not one per shard (each waiting shard transaction holds its advisory lock)
    long heldMost = 0;
    while (System.nanoTime() - wallBefore < OUTAGE_MS * 1_000_000) {
      Thread.sleep(250);
      if (System.nanoTime() - wallBefore > 15_000_000_000L) {
        heldMost = Math.max(heldMost, await(pool.query("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
            + " AND granted").execute()).iterator().next().getLong(0));
      }
    }
    long cpu = os.getProcessCpuTime() - cpuBefore;
    long wall = System.nanoTime() - wallBefore;
    long writtenDuring = count(pool, "true") - writtenBefore;
    long stuck = count(pool, "published_at IS NULL");
    fixture.startKafka();

    double coreShare = (double) cpu / wall;
    System.out.printf("Shard transactions waiting at once after the first failure: at most %d%n", heldMost);
    System.out.printf("Broker down %d ms: process CPU %d ms = %.1f%% of one core; %d events written meanwhile, "
        + "%d unpublished at the end of the outage%n", wall / 1_000_000, cpu / 1_000_000, coreShare * 100,
        writtenDuring, stuck);
    assertThat(writtenDuring).as("events kept being written").isGreaterThan(100);
    assertThat(stuck).as("events waited in the outbox").isGreaterThan(100);
    assertThat(coreShare).as("CPU share of one core while the broker was down").isLessThan(0.25);
    assertThat(heldMost).as("shard transactions waiting for the broker at once, once it was known down")
        .isEqualTo(1);

    Thread.sleep(2_000);
    writing.set(false);
    await(writer);
    RelayHarness.awaitCondition("the backlog drains", Duration.ofSeconds(60),
        () -> count(pool, "published_at IS NULL") == 0);

    Set<String> written = new HashSet<>();
    await(pool.query("SELECT id FROM outage.outbox").execute()).forEach(row -> written.add(row.getUUID(0).toString()));
    List<ConsumerRecord<String, String>> records = RelayHarness.readAll(config, TOPIC);
    Set<String> published = new HashSet<>();
    records.forEach(r -> published.add(new String(r.headers().lastHeader("ce_id").value())));
    System.out.printf("%d events written, %d records on the topic, %d distinct%n", written.size(), records.size(),
        published.size());
    assertThat(published).as("every committed event reached Kafka").isEqualTo(written);

    List<ILoggingEvent> warnings = drainLog.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
    assertThat(warnings).as("one warning for the whole outage").hasSize(1);
    assertThat(drainLog.list).anyMatch(e -> e.getFormattedMessage().contains("publishing again"));
  }

  /** Commits five events for one of ten orders every 100 ms until told to stop. */
  private static Future<Void> writeWhile(Pool pool, Outbox outbox, AtomicBoolean writing, int round) {
    if (!writing.get()) {
      return Future.succeededFuture();
    }
    String order = "order-" + round % 10;
    List<OutboxEvent> events = IntStream.range(0, 5)
        .mapToObj(i -> OutboxEvent.of("order", order, "order.changed", new JsonObject().put("round", round)))
        .toList();
    Promise<Void> pause = Promise.promise();
    return RelayHarness.commit(pool, outbox, events)
        .compose(done -> {
          vertx.setTimer(100, t -> pause.complete());
          return pause.future();
        })
        .compose(done -> writeWhile(pool, outbox, writing, round + 1));
  }

  private static long count(Pool pool, String condition) {
    return await(pool.query("SELECT count(*) FROM outage.outbox WHERE " + condition).execute())
        .iterator().next().getLong(0);
  }

  private static ListAppender<ILoggingEvent> capture(Class<?> type) {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    ((Logger) LoggerFactory.getLogger(type)).addAppender(appender);
    return appender;
  }
}
