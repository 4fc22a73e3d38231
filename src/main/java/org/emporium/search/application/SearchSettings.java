package org.emporium.search.application;

import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.config.Settings;

import java.nio.file.Path;
import java.util.Currency;

/**
 * The {@code search} section of the configuration, plus where this node keeps its replica:
 * {@code <dataDir>/search/<region>}.
 */
public record SearchSettings(
    Path indexDir,
    String region,
    Currency baseCurrency,
    Currency defaultCurrency,
    long pollTimeoutMs,
    long commitIntervalMs,
    int rebuildPageSize,
    long categoryTreeTtlMs,
    long maxRetryBackoffMs,
    long requestTimeoutMs) {

  public static SearchSettings from(NodeConfig config) {
    Settings s = Settings.of(config).child("search");
    int pageSize = (int) s.positive("rebuildPageSize");
    if (pageSize > 1000) {
      throw new IllegalArgumentException("search.rebuildPageSize must be at most 1000 (catalog.exportProducts' limit)");
    }
    return new SearchSettings(config.dataDir().resolve("search").resolve(config.region()), config.region(),
        Currency.getInstance(s.string("baseCurrency")), Currency.getInstance(s.string("defaultCurrency")),
        s.positive("pollTimeoutMs"), s.positive("commitIntervalMs"), pageSize, s.positive("categoryTreeTtlMs"),
        s.positive("maxRetryBackoffMs"), config.eventBusTimeoutMs());
  }
}
