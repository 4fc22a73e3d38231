package org.emporium.perf.identity;

import java.util.Arrays;

/** Latency percentiles of one run, in milliseconds. */
record Latency(long count, double p50, double p99, double p999, double max) {

  static Latency of(long[] nanos) {
    if (nanos.length == 0) {
      return new Latency(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Latency(sorted.length, at(sorted, 0.50), at(sorted, 0.99), at(sorted, 0.999),
        sorted[sorted.length - 1] / 1e6);
  }

  String text() {
    return String.format("%.1f / %.1f / %.1f", p50, p99, p999);
  }

  private static double at(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}
