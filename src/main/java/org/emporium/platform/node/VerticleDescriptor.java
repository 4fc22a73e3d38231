package org.emporium.platform.node;

import io.vertx.core.json.JsonObject;
import org.emporium.platform.config.ConfigException;
import org.emporium.platform.config.ConfigSource;

/**
 * One file of {@code verticles/}: the verticle's main class, how many instances ({@code
 * "eventLoops"} for one per event loop) and the config it is deployed with.
 */
public record VerticleDescriptor(String name, String main, String instances, JsonObject config) {

  static VerticleDescriptor load(ConfigSource source, String name) {
    JsonObject json = source.read("verticles/" + name + ".json")
        .orElseThrow(() -> new ConfigException("verticle descriptor verticles/" + name + ".json not found"));
    String main = json.getString("main");
    if (main == null || main.isBlank()) {
      throw new ConfigException("verticles/" + name + ".json: 'main' is required");
    }
    Object instances = json.getValue("instances", 1);
    return new VerticleDescriptor(name, main, String.valueOf(instances), json.getJsonObject("config", new JsonObject()));
  }

  int instanceCount(int eventLoops) {
    if (instances.equals("eventLoops")) {
      return eventLoops;
    }
    try {
      int count = Integer.parseInt(instances);
      if (count < 1) {
        throw new NumberFormatException();
      }
      return count;
    } catch (NumberFormatException e) {
      throw new ConfigException("verticles/" + name + ".json: instances must be a positive number or \"eventLoops\"");
    }
  }
}
