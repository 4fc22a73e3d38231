package org.emporium.platform.node;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.platform.config.ConfigException;
import org.emporium.platform.config.ConfigSource;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Resolves role names ({@code verticles/roles/<role>.json}) to the verticles to deploy, in order. */
public final class Roles {

  private Roles() {
  }

  public static List<VerticleDescriptor> resolve(ConfigSource source, List<String> roles) {
    Set<String> names = new LinkedHashSet<>();
    for (String role : roles) {
      JsonObject file = source.read("verticles/roles/" + role + ".json")
          .orElseThrow(() -> new ConfigException("unknown role '" + role + "' (no verticles/roles/" + role + ".json)"));
      JsonArray verticles = file.getJsonArray("verticles", new JsonArray());
      verticles.forEach(name -> names.add(String.valueOf(name)));
    }
    return names.stream().map(name -> VerticleDescriptor.load(source, name)).toList();
  }
}
