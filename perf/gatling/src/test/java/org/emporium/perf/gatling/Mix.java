package org.emporium.perf.gatling;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The shares of arrivals of the three populations, from {@code browse=70,shop=25,flash=5}. */
public record Mix(double browse, double shop, double flash) {

  private static final Set<String> NAMES = Set.of("browse", "shop", "flash");

  public static Mix parse(String text) {
    Map<String, Double> weights = new LinkedHashMap<>();
    for (String part : text.split(",")) {
      String[] pair = part.split("=");
      String name = pair[0].trim();
      if (pair.length != 2 || !NAMES.contains(name)) {
        throw new IllegalArgumentException("perf.mix: expected browse=N,shop=N,flash=N, got '" + text + "'");
      }
      double weight = Double.parseDouble(pair[1].trim());
      if (weight < 0) {
        throw new IllegalArgumentException("perf.mix: negative weight for " + name);
      }
      weights.put(name, weight);
    }
    double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    if (total <= 0) {
      throw new IllegalArgumentException("perf.mix: the weights add up to 0");
    }
    return new Mix(weights.getOrDefault("browse", 0.0) / total, weights.getOrDefault("shop", 0.0) / total,
        weights.getOrDefault("flash", 0.0) / total);
  }
}
