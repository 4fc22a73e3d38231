package org.emporium.edge.api;

/** The engine's version, from the jar manifest. */
final class Versions {

  private Versions() {
  }

  static String current() {
    String version = Versions.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
