package org.emporium.catalog.application;

import org.emporium.catalog.domain.ProductRules;
import org.emporium.platform.config.ConfigException;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.config.Settings;

/** The {@code catalog} section of the configuration. */
public record CatalogSettings(String baseCurrency, int cacheMaxEntries, long cacheTtlSeconds, boolean demoEnabled,
    int demoProducts, long demoSeed, long stockTimeoutMs) {

  public static CatalogSettings from(NodeConfig config) {
    Settings section = Settings.of(config).child("catalog");
    String base = section.string("baseCurrency");
    if (!ProductRules.knownCurrency(base)) {
      throw new ConfigException("catalog.baseCurrency must be an ISO 4217 currency, not " + base);
    }
    Settings cache = section.child("cache");
    Settings demo = section.child("demo");
    return new CatalogSettings(base, (int) cache.positive("maxEntries"), cache.positive("ttlSeconds"),
        demo.bool("enabled"), (int) demo.positive("products"), demo.nonNegative("seed"),
        demo.positive("stockTimeoutMs"));
  }
}
