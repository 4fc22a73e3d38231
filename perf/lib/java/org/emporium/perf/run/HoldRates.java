package org.emporium.perf.run;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The latency run's rates from a search run: 70% of each context's highest rate held (70% of its
 * lowest rate when none was), as the {@code -Dratio.<context>.rates=} options of RatioSimulation.
 */
final class HoldRates {

  private HoldRates() {
  }

  static String of(Path searchDir) throws IOException {
    List<String> options = new ArrayList<>();
    try (Stream<Path> files = Files.list(searchDir)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith("ratio-search-")).sorted().toList()) {
        JsonNode search = Json.read(file);
        JsonNode steps = search.path("steps");
        int best = search.path("best").asInt(-1);
        double rate = steps.get(Math.max(best, 0)).path("rate").asDouble();
        options.add(String.format(Locale.ROOT, "-Dratio.%s.rates=%.1f", search.path("context").asText(),
            Math.max(0.5, rate * 0.7)));
      }
    }
    return String.join(" ", options);
  }
}
