package org.emporium.platform.config;

/** A configuration that cannot be used; the node refuses to start and says why. */
public final class ConfigException extends RuntimeException {

  public ConfigException(String message) {
    super(message);
  }
}
