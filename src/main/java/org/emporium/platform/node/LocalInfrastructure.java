package org.emporium.platform.node;

import org.emporium.platform.config.NodeConfig;

/** Placeholder while the embedded servers land. */
final class LocalInfrastructure {
  static LocalInfrastructure start(NodeConfig config) { throw new UnsupportedOperationException(); }
  static LocalInfrastructure startPostgresOnly(NodeConfig config) { throw new UnsupportedOperationException(); }
  NodeConfig configure(NodeConfig config) { return config; }
  void stop() { }
}
