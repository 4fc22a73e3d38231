package org.emporium.reliability.faults;

import org.emporium.reliability.Scorecard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crashes and outages under checkout load, against real servers and a real cluster: the packaged
 * jar as three processes sharing one PostgreSQL, Redis and Kafka. The servers and the cluster start
 * once; the faults follow one another, each followed by the books: no acknowledged order lost or
 * duplicated, every saga ended, stock and payments reconciled. Figures go to the {@code faults}
 * scorecard; {@code reliability.mode=full} runs longer and keeps Kafka down for 60 s.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

  /** Kept after the run (node logs, server data) for a look at what happened; cleared at the next. */
  static final Path DIR = Path.of(System.getProperty("reliability.faults.dir", "target/faults-run"));
  static Rig rig;
  static Scorecard scorecard;

  @BeforeAll
  static void start() throws Exception {
    long begin = System.currentTimeMillis();
    scorecard = new Scorecard("faults", "Crashes and outages", Mode.current().name());
    rig = Rig.start(clear(DIR));
    System.out.printf("servers and %d nodes ready in %.1f s%n", Rig.NODES, Rig.seconds(begin, System.currentTimeMillis()));
  }

  @AfterAll
  static void stop() {
    try {
      System.out.println("scorecard: " + scorecard.write());
    } finally {
      if (rig != null) {
        rig.close();
      }
    }
  }

  @Test
  @Order(1)
  void killNineOfOneNodeLosesNoAcknowledgedOrderAndEndsEverySaga() throws Exception {
    long from = now();
    rig.load.start(rig.mode.rate());
    Thread.sleep(rig.mode.beforeFault() * 1000L);
    List<String> running = Sql.strings(rig.db(),
        "SELECT id::text FROM checkout.saga WHERE state IN ('running', 'compensating')");
    long killAt = now();
    rig.nodes.get(0).kill();
    Thread.sleep(rig.mode.afterKill() * 1000L);
    rig.quiesce();
    long to = now();

    Map<String, Object> figures = rig.seen(from, to);
    Map<String, Long> harm = rig.reconcile(figures);
    OptionalLong recovered = rig.firstAck(killAt, killAt, 0);
    figures.put("recoverySeconds", recovered.isPresent() ? Rig.seconds(killAt, recovered.getAsLong()) : "never");
    figures.put("lastErrorSeconds", rig.lastError(killAt, to).stream().mapToObj(at -> Rig.seconds(killAt, at))
        .findFirst().orElse(0.0));
    figures.put("sagasInFlightAtKill", running.size());
    figures.put("sagasTakenOver", Sql.count(rig.db(), "SELECT count(*) FROM checkout.saga WHERE attempt > 1"));
    figures.put("sagasResolvedSeconds", running.isEmpty() ? 0.0 : Rig.seconds(killAt, Sql.count(rig.db(),
        "SELECT (extract(epoch FROM max(ended_at)) * 1000)::bigint FROM checkout.saga WHERE id::text = ANY(?)",
        (Object) running.toArray(String[]::new))));
    boolean passed = harmless(harm) && recovered.isPresent();
    record("node loss", "kill -9 of 1 of " + Rig.NODES + " nodes mid-load", passed, figures, from, to);

    assertThat(harm).as("harm after the kill (%s)", figures).allSatisfy((name, count) -> assertThat(count).isZero());
    assertThat(recovered).as("a checkout that arrived after the kill succeeded on a survivor").isPresent();
  }

  @Test
  @Order(2)
  void postgresRestartedUnderLoadRecoversAndTheBooksReconcile() throws Exception {
    long from = now();
    rig.load.start(rig.mode.rate());
    Thread.sleep(rig.mode.beforeFault() * 1000L);
    long downAt = now();
    rig.servers.stopPostgres();
    rig.servers.startPostgres();
    long upAt = now();
    Thread.sleep(rig.mode.afterRestart() * 1000L);
    rig.quiesce();
    long to = now();

    Map<String, Object> figures = rig.seen(from, to);
    Map<String, Long> harm = rig.reconcile(figures);
    OptionalLong recovered = rig.firstAck(upAt, 0, -1);
    figures.put("outageSeconds", Rig.seconds(downAt, upAt));
    figures.put("recoverySeconds", recovered.isPresent() ? Rig.seconds(upAt, recovered.getAsLong()) : "never");
    figures.put("errorsDuringOutage", rig.journal.count(Journal.Kind.ERROR, downAt, upAt));
    figures.put("errorsAfterRestart", rig.journal.count(Journal.Kind.ERROR, upAt, to));
    boolean passed = harmless(harm) && recovered.isPresent();
    record("PostgreSQL restart", "fast shutdown and start of PostgreSQL mid-load", passed, figures, from, to);

    assertThat(harm).as("harm after the restart (%s)", figures).allSatisfy((name, count) -> assertThat(count).isZero());
    assertThat(recovered).as("checkouts succeed again after PostgreSQL is back").isPresent();
  }

  @Test
  @Order(3)
  void redisRestartedEmptyGivesCartsBackFromPostgresAndCheckoutResumes() throws Exception {
    long from = now();
    CartProbe probe = CartProbe.fill(rig, rig.mode.name().equals("full") ? 30 : 10);
    probe.awaitSaved(rig.db());
    rig.load.start(rig.mode.rate());
    Thread.sleep(rig.mode.beforeFault() * 1000L);
    long downAt = now();
    rig.servers.stopRedis();
    rig.servers.startEmptyRedis();
    long upAt = now();
    Thread.sleep(rig.mode.afterRestart() * 1000L);
    rig.quiesce();
    CartProbe.Outcome carts = probe.readBackAndCheckOut();
    rig.quiesce();
    long to = now();

    Map<String, Object> figures = rig.seen(from, to);
    Map<String, Long> harm = rig.reconcile(figures);
    harm.merge("lost", (long) carts.lost(), Long::sum);
    figures.put("lost", harm.get("lost"));
    OptionalLong recovered = rig.firstAck(upAt, upAt, -1);
    figures.put("cartsBefore", carts.before());
    figures.put("cartsRestored", carts.restored());
    figures.put("restoredCartsCheckedOut", carts.checkedOut());
    figures.put("outageSeconds", Rig.seconds(downAt, upAt));
    figures.put("recoverySeconds", recovered.isPresent() ? Rig.seconds(upAt, recovered.getAsLong()) : "never");
    boolean passed = harmless(harm) && recovered.isPresent() && carts.checkedOut() == carts.before();
    record("Redis restart", "Redis restarted on an empty directory mid-load", passed, figures, from, to);

    assertThat(harm).as("harm after the restart (%s)", figures).allSatisfy((name, count) -> assertThat(count).isZero());
    assertThat(carts.restored()).as("carts saved before the restart read the same after it").isEqualTo(carts.before());
    assertThat(carts.checkedOut()).as("restored carts check out").isEqualTo(carts.before());
    assertThat(recovered).as("checkouts succeed again after Redis is back").isPresent();
  }

  @Test
  @Order(4)
  void kafkaDownDrainsTheOutboxAfterwardsWithNothingLostAndCpuBounded() throws Exception {
    KafkaOutage outage = new KafkaOutage(rig);
    long from = now();
    KafkaOutage.Result result = outage.run();
    long heldAfterwards = Reconciliation.held(rig.db());
    rig.awaitReservationsEnded();
    long to = now();

    Map<String, Object> figures = rig.seen(from, to);
    Map<String, Long> harm = rig.reconcile(figures);
    harm.merge("lost", result.audit().missing() + result.audit().unpublished(), Long::sum);
    figures.put("lost", harm.get("lost"));
    figures.put("reservationsHeldUntilExpiry", heldAfterwards);
    figures.putAll(result.figures());
    boolean passed = harmless(harm) && result.cpuWithinBounds();
    record("Kafka outage", "broker down " + rig.mode.kafkaOutage() + " s while checkouts commit", passed,
        figures, from, to);

    assertThat(harm).as("harm after the outage (%s)", figures).allSatisfy((name, count) -> assertThat(count).isZero());
    assertThat(result.backlog()).as("events waited in the outbox during the outage").isPositive();
    assertThat(result.cpuWithinBounds()).as("CPU of the nodes during the outage: %s", figures).isTrue();
  }

  private static boolean harmless(Map<String, Long> harm) {
    return harm.values().stream().allMatch(count -> count == 0);
  }

  private static void record(String area, String name, boolean passed, Map<String, Object> figures, long from,
      long to) {
    Map<String, Object> ordered = new LinkedHashMap<>(figures);
    ordered.put("seconds", Rig.seconds(from, to));
    scorecard.add(area, name, passed, ordered);
    System.out.printf("%s: %s %s%n  errors: %s%n", area, passed ? "passed" : "FAILED", ordered,
        rig.errorSample(from, to));
  }

  private static Path clear(Path dir) throws java.io.IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    return Files.createDirectories(dir).toAbsolutePath();
  }

  private static long now() {
    return System.currentTimeMillis();
  }
}
