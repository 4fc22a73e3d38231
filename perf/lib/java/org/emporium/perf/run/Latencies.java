package org.emporium.perf.run;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Arrays;

/** Percentiles (ms) of a set of latencies given in microseconds. */
record Latencies(long count, double p50, double p99, double p999, double max) {

  static Latencies ofMicros(long[] micros) {
    long[] sorted = micros.clone();
    Arrays.sort(sorted);
    return new Latencies(sorted.length, at(sorted, 0.50), at(sorted, 0.99), at(sorted, 0.999), at(sorted, 1.0));
  }

  private static double at(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(quantile * sorted.length) - 1));
    return sorted[index] / 1000.0;
  }

  ObjectNode json() {
    ObjectNode node = JsonNodeFactory.instance.objectNode().put("count", count);
    Json.putMs(node, "p50", p50);
    Json.putMs(node, "p99", p99);
    Json.putMs(node, "p999", p999);
    Json.putMs(node, "max", max);
    return node;
  }
}
