package org.emporium.ordering.application;

import org.emporium.platform.config.ConfigException;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.config.Settings;

/** {@code ordering.*}: see docs/ordering.md. */
public record OrderSettings(long followUpTimeoutMs, int defaultPageSize, int maxPageSize) {

  public static OrderSettings from(NodeConfig config) {
    Settings s = Settings.of(config).child("ordering");
    int defaultPage = (int) s.positive("defaultPageSize");
    int maxPage = (int) s.positive("maxPageSize");
    if (defaultPage > maxPage) {
      throw new ConfigException("ordering.defaultPageSize must not exceed ordering.maxPageSize");
    }
    return new OrderSettings(s.positive("followUpTimeoutMs"), defaultPage, maxPage);
  }
}
