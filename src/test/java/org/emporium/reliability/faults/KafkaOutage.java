package org.emporium.reliability.faults;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Kafka down while checkouts commit: the load runs through the first half of the outage, the
 * second half is quiet (only the relays and consumers waiting for the broker). The CPU time each
 * node spends in each window, as a percentage of one core, shows whether waiting costs anything;
 * once the broker is back the outbox must drain and every row must be found on its topic.
 */
final class KafkaOutage {

  /** A node retrying in a tight loop would use a whole core; waiting should use a small part of one. */
  static final double QUIET_BOUND_PERCENT = 50;
  /** Under the same load the outage may cost the relay some work, not a core. */
  static final double LOADED_MARGIN_PERCENT = 50;

  record Result(OutboxAudit.Result audit, long backlog, boolean cpuWithinBounds, Map<String, Object> figures) {
  }

  private final Rig rig;

  KafkaOutage(Rig rig) {
    this.rig = rig;
  }

  Result run() throws Exception {
    List<ClusterNode> live = rig.nodes.stream().filter(ClusterNode::alive).toList();
    long outageMs = rig.mode.kafkaOutage() * 1000L;
    rig.load.start(rig.mode.rate());
    Thread.sleep(1_000);
    double[] before = cpuOver(live, rig.mode.beforeFault() * 1000L);
    long downAt = System.currentTimeMillis();
    rig.servers.stopKafka();
    System.out.printf("Kafka stopped in %.1f s%n", Rig.seconds(downAt, System.currentTimeMillis()));
    double[] loaded;
    double[] quiet;
    long backlog;
    try {
      loaded = cpuOver(live, outageMs / 2 - (System.currentTimeMillis() - downAt));
      rig.load.stop(java.time.Duration.ofSeconds(120));
      quiet = cpuOver(live, Math.max(2_000, downAt + outageMs - System.currentTimeMillis()));
      backlog = OutboxAudit.unpublished(rig.db());
    } finally {
      long starting = System.currentTimeMillis();
      rig.servers.startKafka();
      System.out.printf("Kafka started in %.1f s%n", Rig.seconds(starting, System.currentTimeMillis()));
    }
    long upAt = System.currentTimeMillis();
    long deadline = upAt + 180_000;
    while (OutboxAudit.unpublished(rig.db()) > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(250);
    }
    long drainedAt = System.currentTimeMillis();
    rig.quiesce();
    OutboxAudit.Result audit = OutboxAudit.audit(rig.db(), rig.servers.kafkaBootstrap());

    boolean within = true;
    for (int i = 0; i < live.size(); i++) {
      within &= quiet[i] <= QUIET_BOUND_PERCENT && loaded[i] <= before[i] + LOADED_MARGIN_PERCENT;
    }
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("outageSeconds", Rig.seconds(downAt, upAt));
    figures.put("outboxBacklog", backlog);
    figures.put("drainSeconds", Rig.seconds(upAt, drainedAt));
    figures.put("outboxRows", audit.rows());
    figures.put("kafkaRecords", audit.records());
    figures.put("unpublished", audit.unpublished());
    figures.put("missingOnKafka", audit.missing());
    figures.put("cpuPercent", max(quiet));
    figures.put("cpuPercentQuietPerNode", joined(quiet));
    figures.put("cpuPercentLoadedPerNode", joined(loaded));
    figures.put("cpuPercentBeforePerNode", joined(before));
    return new Result(audit, backlog, within, figures);
  }

  /** Sleeps {@code millis} and returns each node's CPU use over it, in percent of one core. */
  private static double[] cpuOver(List<ClusterNode> nodes, long millis) throws InterruptedException {
    double[] start = nodes.stream().mapToDouble(ClusterNode::cpuSeconds).toArray();
    long begin = System.nanoTime();
    Thread.sleep(Math.max(1_000, millis));
    double wall = (System.nanoTime() - begin) / 1e9;
    double[] percent = new double[nodes.size()];
    for (int i = 0; i < percent.length; i++) {
      percent[i] = Math.round((nodes.get(i).cpuSeconds() - start[i]) / wall * 1000) / 10.0;
    }
    return percent;
  }

  private static double max(double[] values) {
    return java.util.Arrays.stream(values).max().orElse(0);
  }

  private static String joined(double[] values) {
    return java.util.Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(" / "));
  }
}
