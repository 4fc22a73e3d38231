package org.emporium.platform.migration;

import org.emporium.platform.config.ConfigSource;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.embedded.EmbeddedPostgresServer;
import org.emporium.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up comparison of a node's pools with a real server's free connections. */
class ConnectionBudgetTest {

  @TempDir
  static Path dir;
  static EmbeddedPostgresServer postgres;

  @BeforeAll
  static void startPostgres() {
    postgres = EmbeddedPostgresServer.start(dir.resolve("pg"), 0);
  }

  @AfterAll
  static void stopPostgres() {
    postgres.stop();
  }

  private static NodeConfig external(int poolSize) {
    return TestNode.config("external", dir, Map.of(
        "postgres.host", postgres.host(),
        "postgres.port", String.valueOf(postgres.port()),
        "postgres.user", postgres.user(),
        "postgres.password", postgres.password() == null ? "" : postgres.password(),
        "postgres.database", postgres.database(),
        "postgres.poolSize", String.valueOf(poolSize)));
  }

  @Test
  void aNodeWhosePoolsFitIsWithinBudgetAndOneThatCouldOverrunTheServerIsNot() throws Exception {
    List<String> contexts = new Migrations(external(1).postgres(), new ConfigSource(Path.of("."))).contexts();
    assertThat(contexts).contains("platform", "inventory", "checkout");

    List<ConnectionBudget.Server> small = ConnectionBudget.check(external(2).postgres(), contexts);
    assertThat(small).singleElement().satisfies(server -> {
      assertThat(server.wanted()).isEqualTo(2 * contexts.size());
      assertThat(server.maxConnections()).isEqualTo(200); // the embedded server's setting
      assertThat(server.fits()).isTrue();
    });

    List<ConnectionBudget.Server> large = ConnectionBudget.check(external(50).postgres(), contexts);
    assertThat(large).singleElement().satisfies(server -> {
      assertThat(server.wanted()).isEqualTo(50 * contexts.size());
      assertThat(server.fits()).isFalse();
    });
  }

  @Test
  void connectionsOthersHoldCountAgainstTheBudget() throws Exception {
    List<String> contexts = List.of("platform");
    int before = ConnectionBudget.check(external(1).postgres(), contexts).get(0).inUse();
    List<Connection> held = new ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        held.add(DriverManager.getConnection("jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/"
            + postgres.database(), postgres.user(), postgres.password()));
      }
      ConnectionBudget.Server server = ConnectionBudget.check(external(1).postgres(), contexts).get(0);
      assertThat(server.inUse()).isEqualTo(before + 5);
      assertThat(server.free()).isEqualTo(server.maxConnections() - server.reserved() - before - 5);
    } finally {
      for (Connection connection : held) {
        connection.close();
      }
    }
  }
}
