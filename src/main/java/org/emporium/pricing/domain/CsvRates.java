package org.emporium.pricing.domain;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Rates from CSV: a header naming the columns {@code base}, {@code quote}, {@code rate} and optionally
 * {@code asOf} (any order), then one rate a line ({@code USD,EUR,0.9215,2026-11-20T16:00:00Z}). Blank
 * lines and lines starting with {@code #} are skipped; values hold no commas, so there is no quoting.
 */
public final class CsvRates {

  private static final List<String> COLUMNS = List.of("base", "quote", "rate", "asof");

  private CsvRates() {
  }

  public static ImportedRates read(String text, Instant now) {
    ImportedRates.Collector rates = new ImportedRates.Collector("csv", now);
    String[] lines = text.replace("\uFEFF", "").split("\r?\n", -1);
    List<String> header = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      int number = i + 1;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      List<String> values = List.of(line.split(",", -1)).stream().map(String::strip).toList();
      if (header == null) {
        header = values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
        if (!headerIsValid(header)) {
          rates.refuse(number, "must be the header: base,quote,rate and optionally asOf, each once");
          return rates.done();
        }
      } else if (values.size() != header.size()) {
        rates.refuse(number, "has " + values.size() + " values where the header names " + header.size());
      } else {
        rates.add(number, value(header, values, "base"), value(header, values, "quote"),
            value(header, values, "rate"), value(header, values, "asof"));
      }
    }
    return rates.done();
  }

  private static boolean headerIsValid(List<String> header) {
    return COLUMNS.containsAll(header) && header.stream().distinct().count() == header.size()
        && header.containsAll(COLUMNS.subList(0, 3));
  }

  private static String value(List<String> header, List<String> values, String column) {
    int index = header.indexOf(column);
    if (index < 0) {
      return null;
    }
    String value = values.get(index);
    return value.isEmpty() ? null : value;
  }
}
