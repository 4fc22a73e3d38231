package org.emporium.perf.events;

import java.util.Arrays;

/** Latency percentiles of one run, in milliseconds. */
record Percentiles(long count, double p50, double p99, double p999, double max) {

  static Percentiles of(long[] micros, int size) {
    if (size == 0) {
      return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    long[] sorted = Arrays.copyOf(micros, size);
    Arrays.sort(sorted);
    return new Percentiles(size, at(sorted, 0.50), at(sorted, 0.99), at(sorted, 0.999), sorted[size - 1] / 1000.0);
  }

  private static double at(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
  }
}
