package org.emporium.platform.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** Typed, validating reads of one section of the configuration; errors name the full key. */
public final class Settings {

  private final JsonObject json;
  private final String prefix;

  Settings(JsonObject json, String prefix) {
    this.json = json;
    this.prefix = prefix;
  }

  /** The whole configuration of a node, for a context to read its own section from. */
  public static Settings of(NodeConfig config) {
    return new Settings(config.json(), "");
  }

  public Settings child(String key) {
    Object value = json.getValue(key);
    if (!(value instanceof JsonObject object)) {
      throw new ConfigException(path(key) + " must be an object");
    }
    return new Settings(object, path(key));
  }

  public String string(String key) {
    String value = optionalString(key);
    if (value == null || value.isBlank()) {
      throw new ConfigException(path(key) + " is required");
    }
    return value;
  }

  public String optionalString(String key) {
    Object value = json.getValue(key);
    return value == null ? null : String.valueOf(value);
  }

  public long positive(String key) {
    long value = number(key);
    if (value <= 0) {
      throw new ConfigException(path(key) + " must be positive, not " + value);
    }
    return value;
  }

  public long nonNegative(String key) {
    long value = number(key);
    if (value < 0) {
      throw new ConfigException(path(key) + " must not be negative, not " + value);
    }
    return value;
  }

  public int port(String key) {
    long value = number(key);
    if (value < 0 || value > 65535) {
      throw new ConfigException(path(key) + " must be a port number (0-65535), not " + value);
    }
    return (int) value;
  }

  public boolean bool(String key) {
    Object value = json.getValue(key);
    if (!(value instanceof Boolean b)) {
      throw new ConfigException(path(key) + " must be true or false");
    }
    return b;
  }

  public List<String> list(String key) {
    Object value = json.getValue(key);
    JsonArray array = value instanceof JsonArray a ? a : ConfigLoader.split(String.valueOf(value));
    return array.stream().map(String::valueOf).toList();
  }

  private long number(String key) {
    Object value = json.getValue(key);
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (value instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        throw new ConfigException(path(key) + " must be a whole number, not '" + s + "'");
      }
    }
    throw new ConfigException(path(key) + " must be a whole number");
  }

  private String path(String key) {
    return prefix.isEmpty() ? key : prefix + "." + key;
  }

  public JsonObject json() {
    return json;
  }
}
