package org.emporium.platform.migration;

import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.emporium.platform.config.ConfigSource;
import org.emporium.platform.config.PostgresSettings;
import org.emporium.platform.config.PostgresSettings.PgSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Applies the Liquibase changelogs in {@code migrations/}: the master lists one changelog per
 * context; each runs against that context's own connection, in a schema named after the context,
 * with its change log tables inside that schema. Blocking (JDBC): call before Vert.x deploys.
 */
public final class Migrations {

  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  private final PostgresSettings postgres;
  private final ConfigSource source;

  public Migrations(PostgresSettings postgres, ConfigSource source) {
    this.postgres = postgres;
    this.source = source;
  }

  /** The contexts with a schema (and a connection pool on every node), in migration order. */
  public List<String> contexts() {
    return MasterChangelog.contexts(source);
  }

  /** Applies every pending change set; returns how many ran. */
  public int apply() {
    List<String> contexts = MasterChangelog.contexts(source);
    int applied = 0;
    for (String context : contexts) {
      applied += applyContext(context, postgres.forContext(context));
    }
    return applied;
  }

  /** A JDBC connection for start-up work, named {@code application} on the server. */
  static Connection connect(PgSettings pg, String application) throws SQLException {
    Properties login = new Properties();
    login.setProperty("user", pg.user());
    if (pg.password() != null) {
      login.setProperty("password", pg.password());
    }
    login.setProperty("connectTimeout", String.valueOf(Math.max(1, pg.connectTimeoutMs() / 1000)));
    login.setProperty("ApplicationName", application);
    return DriverManager.getConnection(pg.jdbcUrl(), login);
  }

  private int applyContext(String context, PgSettings pg) {
    try (Connection jdbc = connect(pg, "emporium-migrate")) {
      try (Statement statement = jdbc.createStatement()) {
        statement.execute("CREATE SCHEMA IF NOT EXISTS " + context);
      }
      return Scope.child(Map.of(
          "liquibase.analytics.enabled", false,
          "liquibase.showBanner", false,
          "liquibase.command.showSummary", "OFF",
          Scope.Attr.ui.name(), new LoggerUIService()), () -> update(context, jdbc));
    } catch (Exception e) {
      throw new MigrationException("migrating context '" + context + "' on " + pg + " failed: " + e.getMessage(), e);
    }
  }

  private int update(String context, Connection jdbc) throws Exception {
    Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(jdbc));
    database.setDefaultSchemaName(context);
    database.setLiquibaseSchemaName(context);
    try (ResourceAccessor resources = resources()) {
      Liquibase liquibase = new Liquibase(context + ".yaml", resources, database);
      int pending = liquibase.listUnrunChangeSets(null, null).size();
      if (pending > 0) {
        liquibase.update((String) null);
        LOG.info("Context {}: applied {} change sets", context, pending);
      }
      return pending;
    }
  }

  private ResourceAccessor resources() throws Exception {
    Path dir = source.home().resolve("migrations");
    if (Files.isDirectory(dir)) {
      return new DirectoryResourceAccessor(dir);
    }
    return new PrefixedClassLoaderResources();
  }

  /**
   * Changelogs bundled in the jar under {@code migrations/}, addressed by their bare names. An
   * include relative to a changelog arrives already prefixed (its sibling in the jar).
   */
  private static final class PrefixedClassLoaderResources extends ClassLoaderResourceAccessor {
    private static final String PREFIX = "migrations/";

    @Override
    public List<liquibase.resource.Resource> getAll(String path) throws java.io.IOException {
      List<liquibase.resource.Resource> all = super.getAll(path.startsWith(PREFIX) ? path : PREFIX + path);
      return all == null || all.isEmpty() ? null : all;
    }
  }
}
