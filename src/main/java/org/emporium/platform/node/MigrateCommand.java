package org.emporium.platform.node;

import org.emporium.platform.config.ConfigSource;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.migration.Migrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code migrate}: applies the migrations to the configured databases and returns. */
public final class MigrateCommand {

  private static final Logger LOG = LoggerFactory.getLogger(MigrateCommand.class);

  private final NodeConfig config;
  private final ConfigSource source;

  public MigrateCommand(NodeConfig config, ConfigSource source) {
    this.config = config;
    this.source = source;
  }

  public void run() {
    LocalInfrastructure infrastructure = null;
    NodeConfig target = config;
    try {
      if (config.embedded().enabled()) {
        infrastructure = LocalInfrastructure.startPostgresOnly(config);
        target = infrastructure.configure(config);
      }
      int applied = new Migrations(target.postgres(), source).apply();
      LOG.info("Migrations applied: {} change sets", applied);
    } finally {
      if (infrastructure != null) {
        infrastructure.stop();
      }
    }
  }
}
