package org.emporium.edge.ratelimit;

import org.emporium.platform.config.ConfigException;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.config.Settings;

import java.util.EnumMap;
import java.util.Map;

/** {@code rateLimits.*}: see docs/edge.md. */
public record RateLimitSettings(boolean enabled, long timeoutMs, long warnIntervalMs, Map<RouteClass, Limits> classes) {

  /** A token bucket: at most {@code capacity} requests at once, {@code refillPerSecond} more each second. */
  public record Bucket(long capacity, double refillPerSecond) {
  }

  public record Limits(Bucket perIp, Bucket perCustomer) {
  }

  public static RateLimitSettings from(NodeConfig config) {
    Settings s = Settings.of(config).child("rateLimits");
    Map<RouteClass, Limits> classes = new EnumMap<>(RouteClass.class);
    for (RouteClass routeClass : RouteClass.values()) {
      Settings limits = s.child(routeClass.key());
      classes.put(routeClass, new Limits(bucket(limits.child("perIp")), bucket(limits.child("perCustomer"))));
    }
    return new RateLimitSettings(s.bool("enabled"), s.positive("timeoutMs"), s.positive("warnIntervalMs"),
        Map.copyOf(classes));
  }

  private static Bucket bucket(Settings bucket) {
    Object rate = bucket.json().getValue("refillPerSecond");
    if (!(rate instanceof Number n) || n.doubleValue() <= 0) {
      throw new ConfigException("rateLimits refillPerSecond must be a positive number, not " + rate);
    }
    return new Bucket(bucket.positive("capacity"), n.doubleValue());
  }

  Limits of(RouteClass routeClass) {
    return classes.get(routeClass);
  }
}
