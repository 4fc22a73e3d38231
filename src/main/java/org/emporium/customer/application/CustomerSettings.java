package org.emporium.customer.application;

import io.vertx.core.json.JsonObject;

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

  /** Reads the section from the node's whole configuration. */
  public static CustomerSettings from(JsonObject config) {
    JsonObject section = config.getJsonObject("customer", new JsonObject());
    return new CustomerSettings(number(section, "cacheTtlSeconds"), (int) number(section, "maxAddresses"));
  }

  private static long number(JsonObject section, String key) {
    Object value = section.getValue(key);
    if (value instanceof Number n) {
      return n.longValue();
    }
    try {
      return Long.parseLong(String.valueOf(value).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("customer." + key + " must be a whole number, not " + value);
    }
  }
}
