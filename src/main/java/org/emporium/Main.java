package org.emporium;

import io.vertx.core.json.JsonObject;
import org.emporium.platform.config.ConfigException;
import org.emporium.platform.config.ConfigLoader;
import org.emporium.platform.config.ConfigSource;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.logging.Logging;
import org.emporium.platform.node.MigrateCommand;
import org.emporium.platform.node.Node;
import org.emporium.platform.node.ShutdownSignals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * Starts an Emporium node. {@code run} (default) starts it and keeps it running until SIGTERM or
 * SIGINT; {@code migrate} applies the database migrations and exits.
 */
public final class Main {

  private Main() {
  }

  public static void main(String[] args) {
    Logging.routeLibraries();
    CommandLine cli;
    NodeConfig config;
    try {
      cli = CommandLine.parse(args);
      if (cli.help()) {
        System.out.println(CommandLine.USAGE);
        return;
      }
      JsonObject json = ConfigLoader.system().load(cli.profile(), cli.conf());
      if (cli.roles() != null) {
        json.put("roles", cli.roles());
      }
      config = NodeConfig.from(json);
    } catch (IllegalArgumentException | ConfigException e) {
      System.err.println("emporium: " + e.getMessage());
      System.err.println(CommandLine.USAGE);
      System.exit(2);
      return;
    }
    Logging.configure(config.logging().format(), config.logging().level(), config.region());
    Logger log = LoggerFactory.getLogger(Main.class);
    ConfigSource source = ConfigSource.workingDirectory();
    try {
      if (cli.command().equals("migrate")) {
        new MigrateCommand(config, source).run();
        System.exit(0);
      }
      Node node = new Node(config, source, Clock.systemUTC());
      ShutdownSignals.install(node);
      node.start();
    } catch (RuntimeException e) {
      log.error("emporium {} failed: {}", cli.command(), e.getMessage(), e);
      System.exit(1);
    }
  }
}
