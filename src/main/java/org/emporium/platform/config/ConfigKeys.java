package org.emporium.platform.config;

import io.vertx.core.json.JsonArray;

/** Names and value types of configuration keys: {@code http.bodyLimit} is {@code EMPORIUM_HTTP_BODY_LIMIT}. */
public final class ConfigKeys {

  private ConfigKeys() {
  }

  /** The environment variable that overrides a dotted configuration path. */
  public static String envName(String path) {
    StringBuilder name = new StringBuilder(ConfigLoader.ENV_PREFIX);
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '.') {
        name.append('_');
      } else if (Character.isUpperCase(c)) {
        name.append('_').append(c);
      } else {
        name.append(Character.toUpperCase(c));
      }
    }
    return name.toString();
  }

  /** Converts a string from the environment to the type the key already has in the files. */
  static Object coerce(String path, Object current, String raw) {
    try {
      if (current instanceof Integer || current instanceof Long) {
        return Long.parseLong(raw.trim());
      }
      if (current instanceof Number) {
        return Double.parseDouble(raw.trim());
      }
      if (current instanceof Boolean) {
        String value = raw.trim().toLowerCase();
        if (!value.equals("true") && !value.equals("false")) {
          throw new IllegalArgumentException("expected true or false");
        }
        return Boolean.parseBoolean(value);
      }
      if (current instanceof JsonArray) {
        return ConfigLoader.split(raw);
      }
      return raw;
    } catch (IllegalArgumentException e) {
      throw new ConfigException("bad value '" + raw + "' for " + path + " (" + envName(path) + "): "
          + e.getMessage());
    }
  }
}
