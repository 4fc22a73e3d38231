package org.emporium.edge.ratelimit;

import java.util.Locale;

/** The route classes an operation's {@code x-emporium-rate-class} names; each has its own buckets. */
public enum RouteClass {
  AUTH,
  BROWSE,
  CART,
  CHECKOUT;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RouteClass ofKey(String key) {
    for (RouteClass value : values()) {
      if (value.key().equals(key)) {
        return value;
      }
    }
    throw new IllegalArgumentException("unknown x-emporium-rate-class '" + key + "'");
  }
}
