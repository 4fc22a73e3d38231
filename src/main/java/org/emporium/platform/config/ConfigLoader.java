package org.emporium.platform.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Builds a node's configuration in layers: {@code conf/base.json} &lt; {@code conf/<profile>.json} &lt;
 * an optional {@code --conf} file &lt; {@code EMPORIUM_*} environment variables &lt; {@code emporium.*}
 * system properties. Only keys that exist in the files can be overridden, so a typo fails loudly.
 * An object that is empty in {@code conf/base.json} (such as {@code events.topics}) is an open map:
 * any keys may be put in it, and an environment variable or property replaces it with a JSON object.
 */
public final class ConfigLoader {

  public static final String ENV_PREFIX = "EMPORIUM_";
  public static final String PROPERTY_PREFIX = "emporium.";

  private final Map<String, String> env;
  private final Properties properties;
  private final ConfigSource source;

  public ConfigLoader(Map<String, String> env, Properties properties, ConfigSource source) {
    this.env = env;
    this.properties = properties;
    this.source = source;
  }

  /** Loader over the real environment, system properties and the working directory. */
  public static ConfigLoader system() {
    return new ConfigLoader(System.getenv(), System.getProperties(), ConfigSource.workingDirectory());
  }

  /**
   * Loads the layered configuration.
   *
   * @param profile the profile named on the command line, or null to take it from the environment
   * @param extraFile an extra JSON file given with {@code --conf}, or null
   */
  public JsonObject load(String profile, Path extraFile) {
    String chosen = profile != null ? profile : lookup("profile", "local");
    JsonObject config = source.read("conf/base.json")
        .orElseThrow(() -> new ConfigException("conf/base.json not found"));
    Set<String> openMaps = new HashSet<>();
    findOpenMaps(config, "", openMaps);
    JsonObject profileConfig = source.read("conf/" + chosen + ".json")
        .orElseThrow(() -> new ConfigException("unknown profile '" + chosen + "': conf/" + chosen + ".json not found"));
    merge(config, profileConfig, "", openMaps);
    if (extraFile != null) {
      merge(config, readFile(extraFile), "", openMaps);
    }
    applyOverrides(config, "", openMaps);
    config.put("profile", chosen);
    return config;
  }

  private String lookup(String key, String fallback) {
    String byProperty = properties.getProperty(PROPERTY_PREFIX + key);
    if (byProperty != null) {
      return byProperty;
    }
    return env.getOrDefault(ConfigKeys.envName(key), fallback);
  }

  private void applyOverrides(JsonObject node, String prefix, Set<String> openMaps) {
    for (String field : List.copyOf(node.fieldNames())) {
      String path = prefix.isEmpty() ? field : prefix + "." + field;
      Object current = node.getValue(field);
      String fromEnv = env.get(ConfigKeys.envName(path));
      String fromProperty = properties.getProperty(PROPERTY_PREFIX + path);
      String raw = fromProperty != null ? fromProperty : fromEnv;
      if (openMaps.contains(path)) {
        if (raw != null) {
          node.put(field, openMap(path, raw));
        }
      } else if (current instanceof JsonObject child) {
        applyOverrides(child, path, openMaps);
      } else if (raw != null) {
        node.put(field, ConfigKeys.coerce(path, current, raw));
      }
    }
  }

  private static JsonObject openMap(String path, String raw) {
    try {
      return new JsonObject(raw);
    } catch (RuntimeException e) {
      throw new ConfigException("bad value for " + path + " (" + ConfigKeys.envName(path)
          + "): expected a JSON object");
    }
  }

  private static void findOpenMaps(JsonObject node, String prefix, Set<String> openMaps) {
    for (String field : node.fieldNames()) {
      String path = prefix.isEmpty() ? field : prefix + "." + field;
      if (node.getValue(field) instanceof JsonObject child) {
        if (child.isEmpty()) {
          openMaps.add(path);
        } else {
          findOpenMaps(child, path, openMaps);
        }
      }
    }
  }

  private static void merge(JsonObject target, JsonObject overlay, String prefix, Set<String> openMaps) {
    for (String field : overlay.fieldNames()) {
      String path = prefix.isEmpty() ? field : prefix + "." + field;
      if (!target.containsKey(field)) {
        throw new ConfigException("unknown setting '" + path + "' (not in conf/base.json)");
      }
      Object value = overlay.getValue(field);
      Object existing = target.getValue(field);
      if (openMaps.contains(path)) {
        if (!(value instanceof JsonObject map)) {
          throw new ConfigException("setting '" + path + "' must be a JSON object");
        }
        existing = existing instanceof JsonObject current ? current : new JsonObject();
        ((JsonObject) existing).mergeIn(map, true);
        target.put(field, existing);
      } else if (value instanceof JsonObject child && existing instanceof JsonObject base) {
        merge(base, child, path, openMaps);
      } else {
        target.put(field, value);
      }
    }
  }

  private static JsonObject readFile(Path file) {
    try {
      return new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
    } catch (RuntimeException e) {
      throw new ConfigException("configuration file " + file + " is not valid JSON: " + e.getMessage());
    }
  }

  static JsonObject parse(InputStream in, String name) {
    try (in) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      throw new ConfigException(name + " is not valid JSON: " + e.getMessage());
    }
  }

  static JsonArray split(String raw) {
    JsonArray array = new JsonArray();
    for (String part : raw.split(",")) {
      if (!part.isBlank()) {
        array.add(part.trim());
      }
    }
    return array;
  }
}
