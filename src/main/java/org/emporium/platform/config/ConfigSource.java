package org.emporium.platform.config;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the project's files ({@code conf/}, {@code verticles/}, {@code migrations/}) in a home
 * directory first and then in the jar, so the node runs both from a checkout and from anywhere.
 */
public final class ConfigSource {

  private final Path home;

  public ConfigSource(Path home) {
    this.home = home;
  }

  public static ConfigSource workingDirectory() {
    String home = System.getenv("EMPORIUM_HOME");
    return new ConfigSource(Path.of(home != null ? home : "."));
  }

  public Path home() {
    return home;
  }

  /** Opens a project file by its relative name, from the home directory or the classpath. */
  public Optional<InputStream> open(String name) {
    Path file = home.resolve(name);
    try {
      if (Files.isRegularFile(file)) {
        return Optional.of(Files.newInputStream(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.ofNullable(ConfigSource.class.getClassLoader().getResourceAsStream(name));
  }

  public Optional<JsonObject> read(String name) {
    return open(name).map(in -> ConfigLoader.parse(in, name));
  }
}
