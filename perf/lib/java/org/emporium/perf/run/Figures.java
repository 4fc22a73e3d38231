package org.emporium.perf.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Medians and spread over repetitions, and how figures are printed. */
final class Figures {

  private Figures() {
  }

  /** {@code {median, min, max, n}} of the numeric values, or null when there are none. */
  static ObjectNode spread(List<JsonNode> values) {
    List<Double> numbers = new ArrayList<>();
    for (JsonNode value : values) {
      if (value != null && value.isNumber()) {
        numbers.add(value.asDouble());
      }
    }
    if (numbers.isEmpty()) {
      return null;
    }
    numbers.sort(Double::compare);
    int n = numbers.size();
    double median = n % 2 == 1 ? numbers.get(n / 2) : (numbers.get(n / 2 - 1) + numbers.get(n / 2)) / 2;
    return Json.object().put("median", round(median)).put("min", round(numbers.get(0)))
        .put("max", round(numbers.get(n - 1))).put("n", n);
  }

  static double round(double value) {
    return Math.abs(value) >= 100 ? Math.round(value * 10) / 10.0 : Math.round(value * 1000) / 1000.0;
  }

  /** The median, with the range in brackets when repetitions differ. */
  static String show(JsonNode spread) {
    if (spread == null || spread.isNull() || !spread.has("median")) {
      return "-";
    }
    String median = number(spread.get("median").asDouble());
    if (spread.get("n").asInt() > 1) {
      return median + " (" + number(spread.get("min").asDouble()) + "-" + number(spread.get("max").asDouble()) + ")";
    }
    return median;
  }

  static String number(double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1000) {
      return String.valueOf((long) value);
    }
    if (Math.abs(value) >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (Math.abs(value) >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    if (Math.abs(value) >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /** "p50 / p99 / p99.9" of spreads named p50, p99 and p999. */
  static String percentiles(JsonNode node) {
    if (node == null || node.isNull()) {
      return "-";
    }
    return show(node.get("p50")) + " / " + show(node.get("p99")) + " / " + show(node.get("p999"));
  }
}
