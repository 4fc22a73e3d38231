package org.emporium.pricing.domain;

import org.emporium.platform.money.FxRate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rates read from an import file, all or none: either every rate, or what is wrong, each named by
 * its line ({@code line 3/rate}, {@code line 7}). The collector validates each rate as an
 * administrator's would be and refuses a pair given twice.
 */
public record ImportedRates(List<FxRate> rates, List<Violation> violations) {

  public static final int MAX_RATES = 1000;

  public ImportedRates {
    rates = List.copyOf(rates);
    violations = List.copyOf(violations);
  }

  public boolean accepted() {
    return violations.isEmpty();
  }

  /** Gathers the rates of one file. */
  static final class Collector {

    private final String source;
    private final Instant now;
    private final List<FxRate> rates = new ArrayList<>();
    private final List<Violation> violations = new ArrayList<>();
    private final Map<String, Integer> pairs = new HashMap<>();

    Collector(String source, Instant now) {
      this.source = source;
      this.now = now;
    }

    void add(int line, String base, String quote, String rate, String asOf) {
      String pointer = "line " + line;
      RateInput input = new RateInput(base, quote, rate, source, asOf);
      List<Violation> found = input.violations(pointer, now);
      violations.addAll(found);
      Integer earlier = pairs.putIfAbsent(base + "/" + quote, line);
      if (earlier != null) {
        violations.add(new Violation(pointer, "repeats the pair " + base + "/" + quote + " of line " + earlier));
      } else if (found.isEmpty()) {
        rates.add(input.toRate(source, now));
      }
    }

    void refuse(int line, String message) {
      violations.add(new Violation(line > 0 ? "line " + line : "file", message));
    }

    ImportedRates done() {
      if (violations.isEmpty() && rates.isEmpty()) {
        refuse(0, "holds no rates");
      } else if (rates.size() > MAX_RATES) {
        refuse(0, "holds more than " + MAX_RATES + " rates");
      }
      return violations.isEmpty() ? new ImportedRates(rates, List.of()) : new ImportedRates(List.of(), violations);
    }
  }
}
