package org.emporium.customer.application;

import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.config.Settings;

/** The {@code customer} section of the configuration. */
public record CustomerSettings(long cacheTtlSeconds, int maxAddresses) {

  public CustomerSettings {
    if (cacheTtlSeconds < 1) {
      throw new IllegalArgumentException("customer.cacheTtlSeconds must be positive, not " + cacheTtlSeconds);
    }
    if (maxAddresses < 1) {
      throw new IllegalArgumentException("customer.maxAddresses must be positive, not " + maxAddresses);
    }
  }

  /** Reads the section from the node's configuration. */
  public static CustomerSettings from(NodeConfig config) {
    Settings section = Settings.of(config).child("customer");
    return new CustomerSettings(section.positive("cacheTtlSeconds"), (int) section.positive("maxAddresses"));
  }
}
