package org.emporium.edge.api;

import org.emporium.platform.config.ConfigException;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.config.Settings;

import java.util.List;

/**
 * {@code http.cors.*}: the origins (exact strings, {@code *} only when listed) that browsers may
 * call the public port from, what they may send and read, and how long a preflight is cached. No
 * origins, no cross-origin access.
 */
record CorsSettings(List<String> allowedOrigins, List<String> allowedMethods, List<String> allowedHeaders,
    List<String> exposedHeaders, boolean allowCredentials, long maxAgeSeconds) {

  static CorsSettings from(NodeConfig config) {
    Settings s = Settings.of(config).child("http").child("cors");
    CorsSettings settings = new CorsSettings(s.list("allowedOrigins"), s.list("allowedMethods"),
        s.list("allowedHeaders"), s.list("exposedHeaders"), s.bool("allowCredentials"), s.nonNegative("maxAgeSeconds"));
    if (settings.anyOrigin() && settings.allowCredentials()) {
      throw new ConfigException("http.cors.allowCredentials cannot be true when http.cors.allowedOrigins has *");
    }
    return settings;
  }

  boolean anyOrigin() {
    return allowedOrigins.contains("*");
  }
}
