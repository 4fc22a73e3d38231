package org.emporium.platform.migration;

import org.emporium.platform.config.ConfigSource;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.embedded.EmbeddedPostgresServer;
import org.emporium.platform.node.MigrateCommand;
import org.emporium.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Migrations against a real PostgreSQL started on its own, reached as an external server through
 * configuration (profile {@code external}), exactly as the {@code migrate} command runs them; and
 * the start-up comparison of a node's pools with the server's free connections.
 */
class MigrationsTest {

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

  private static NodeConfig external(String database) {
    return external(database, 16);
  }

  private static NodeConfig external(String database, int poolSize) {
    return TestNode.config("external", dir, Map.of(
        "postgres.host", postgres.host(),
        "postgres.port", String.valueOf(postgres.port()),
        "postgres.user", postgres.user(),
        "postgres.password", postgres.password() == null ? "" : postgres.password(),
        "postgres.database", database,
        "postgres.poolSize", String.valueOf(poolSize)));
  }

  private static List<String> query(String database, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(
        "jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/" + database, postgres.user(), postgres.password());
         Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getString(1));
      }
      return values;
    }
  }

  @Test
  void migrateCommandCreatesEachContextSchemaAndRunningItAgainChangesNothing() throws Exception {
    NodeConfig config = external(postgres.database());
    new MigrateCommand(config, new ConfigSource(Path.of("."))).run();

    assertThat(query(postgres.database(),
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'platform' ORDER BY 1"))
        .contains("node_start", "databasechangelog", "databasechangeloglock");
    List<String> applied = query(postgres.database(), "SELECT id FROM platform.databasechangelog ORDER BY orderexecuted");
    assertThat(applied).contains("platform-1-nodes");

    int second = new Migrations(config.postgres(), new ConfigSource(Path.of("."))).apply();
    assertThat(second).isZero();
    assertThat(query(postgres.database(), "SELECT id FROM platform.databasechangelog ORDER BY orderexecuted"))
        .isEqualTo(applied);
  }

  @Test
  void aContextWithItsOwnDatabaseIsMigratedThere() throws Exception {
    query(postgres.database(), "SELECT 1");
    try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
         Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE platform_own");
      s.execute("CREATE DATABASE the_others");
    }
    NodeConfig config = TestNode.config("external", dir, Map.of(
        "postgres.host", postgres.host(),
        "postgres.port", String.valueOf(postgres.port()),
        "postgres.user", postgres.user(),
        "postgres.password", postgres.password() == null ? "" : postgres.password(),
        "postgres.database", "the_others",
        "postgres.contexts.platform", "postgresql://" + postgres.user() + ":" + (postgres.password() == null ? "" : postgres.password())
            + "@" + postgres.host() + ":" + postgres.port() + "/platform_own"));
    int applied = new Migrations(config.postgres(), new ConfigSource(Path.of("."))).apply();
    assertThat(applied).isPositive();
    assertThat(query("platform_own", "SELECT count(*) FROM platform.node_start")).containsExactly("0");
    String schemas = "SELECT schema_name FROM information_schema.schemata WHERE schema_name IN ('platform', 'customer')";
    assertThat(query("platform_own", schemas)).containsExactly("platform");
    assertThat(query("the_others", schemas)).containsExactly("customer");
  }

  @Test
  void theChangelogsBundledInTheJarApplyWhenTheHomeHasNoMigrationsFolder() throws Exception {
    try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
         Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE from_the_jar");
    }
    // a home without migrations/: the changelogs come from the classpath, as from the jar run elsewhere
    int applied = new Migrations(external("from_the_jar").postgres(), new ConfigSource(dir.resolve("elsewhere"))).apply();
    assertThat(applied).isPositive();
    assertThat(query("from_the_jar", "SELECT count(*) FROM identity.outbox")).containsExactly("0");
  }

  @Test
  void anUnreachableDatabaseFailsWithAClearMessage() {
    NodeConfig config = TestNode.config("external", dir, Map.of(
        "postgres.host", "127.0.0.1", "postgres.port", String.valueOf(TestNode.freePort()),
        "postgres.connectTimeoutMs", "1000"));
    assertThatThrownBy(() -> new Migrations(config.postgres(), new ConfigSource(Path.of("."))).apply())
        .isInstanceOf(MigrationException.class)
        .hasMessageContaining("platform");
  }

  @Test
  void aNodeWhosePoolsFitIsWithinBudgetAndOneThatCouldOverrunTheServerIsNot() {
    List<String> contexts = new Migrations(external(postgres.database()).postgres(), new ConfigSource(Path.of(".")))
        .contexts();
    assertThat(contexts).contains("platform", "inventory", "checkout");

    List<ConnectionBudget.Server> small = ConnectionBudget.check(external(postgres.database(), 2).postgres(), contexts);
    assertThat(small).singleElement().satisfies(server -> {
      assertThat(server.wanted()).isEqualTo(2 * contexts.size());
      assertThat(server.maxConnections()).isEqualTo(200); // the embedded server's setting
      assertThat(server.fits()).isTrue();
    });

    List<ConnectionBudget.Server> large = ConnectionBudget.check(external(postgres.database(), 50).postgres(), contexts);
    assertThat(large).singleElement().satisfies(server -> {
      assertThat(server.wanted()).isEqualTo(50 * contexts.size());
      assertThat(server.fits()).isFalse();
    });
  }

  @Test
  void connectionsOthersHoldCountAgainstTheBudget() throws Exception {
    List<String> contexts = List.of("platform");
    NodeConfig config = external(postgres.database(), 1);
    int before = ConnectionBudget.check(config.postgres(), contexts).get(0).inUse();
    List<Connection> held = new ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        held.add(DriverManager.getConnection("jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/"
            + postgres.database(), postgres.user(), postgres.password()));
      }
      ConnectionBudget.Server server = ConnectionBudget.check(config.postgres(), contexts).get(0);
      assertThat(server.inUse()).isEqualTo(before + 5);
      assertThat(server.free()).isEqualTo(server.maxConnections() - server.reserved() - before - 5);
    } finally {
      for (Connection connection : held) {
        connection.close();
      }
    }
  }
}
