package org.emporium.perf.gatling.ratio;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a ratio run does, from system properties (perf/run sets them): which contexts, the arrival
 * rates of their steps, how long each step lasts, and the warm-up before the first step.
 */
record RatioSettings(String baseUrl, Path outDir, String label, List<String> contexts, int stepSeconds,
    int warmupSeconds, String adminEmail, String adminPassword, String hotSku, List<String> skus, int carts,
    long checkoutStock) {

  static final List<String> ALL = List.of("inventory", "cart", "checkout");
  private static final Map<String, String> DEFAULT_RATES = Map.of("inventory", "100,200,400,800,1600,3200",
      "cart", "100,200,400,800,1600,3200", "checkout", "5,10,20,40,80");
  private static final Map<String, Long> DEFAULT_P99_LIMIT_MS = Map.of("inventory", 500L, "cart", 500L,
      "checkout", 2000L);

  static RatioSettings fromSystemProperties() {
    int skuFrom = Integer.getInteger("ratio.skuFrom", 600);
    int skuCount = Integer.getInteger("ratio.skuCount", 300);
    List<String> skus = java.util.stream.IntStream.range(skuFrom, skuFrom + skuCount)
        .mapToObj(i -> String.format("DEMO-%05d-1", i)).toList();
    return new RatioSettings(System.getProperty("baseUrl", "http://127.0.0.1:8080"),
        Path.of(System.getProperty("perf.outDir", "target/perf")), System.getProperty("ratio.label", "search"),
        Arrays.stream(System.getProperty("ratio.contexts", String.join(",", ALL)).split(","))
            .map(String::trim).filter(c -> !c.isEmpty()).toList(),
        Integer.getInteger("ratio.stepSeconds", 10), Integer.getInteger("ratio.warmupSeconds", 10),
        System.getProperty("perf.adminEmail", "admin@emporium.local"),
        System.getProperty("perf.adminPassword", "admin"), System.getProperty("ratio.hotSku", "DEMO-00599-1"),
        skus, Integer.getInteger("ratio.carts", 400), Long.getLong("ratio.checkoutStock", 100_000));
  }

  /** Arrival rates (users per second) of a context's steps, lowest first. */
  double[] rates(String context) {
    return Arrays.stream(System.getProperty("ratio." + context + ".rates", DEFAULT_RATES.get(context)).split(","))
        .mapToDouble(Double::parseDouble).toArray();
  }

  /** A step is held when its p99, measured from the scheduled start, stays within this. */
  long p99LimitMs(String context) {
    return Long.getLong("ratio." + context + ".p99LimitMs", DEFAULT_P99_LIMIT_MS.get(context));
  }

  /** Users started over the warm-up and every step of a context. */
  long plannedUsers(String context) {
    double[] rates = rates(context);
    double total = rates[0] * warmupSeconds;
    for (double rate : rates) {
      total += rate * stepSeconds;
    }
    return (long) Math.ceil(total);
  }
}
