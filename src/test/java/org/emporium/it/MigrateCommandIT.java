package org.emporium.it;

import org.emporium.platform.embedded.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar emporium.jar migrate --profile external} against a PostgreSQL given by configuration. */
class MigrateCommandIT {

  @TempDir
  Path dir;

  @Test
  void migrateAppliesTheSchemasAndExitsZeroTwice() throws Exception {
    EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dir.resolve("pg"), 0);
    try {
      for (int run = 1; run <= 2; run++) {
        Path log = dir.resolve("migrate-" + run + ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
            "-jar", System.getProperty("emporium.jar", "target/emporium.jar"), "migrate", "--profile", "external"))
            .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("EMPORIUM_"));
        builder.environment().put("EMPORIUM_POSTGRES_HOST", postgres.host());
        builder.environment().put("EMPORIUM_POSTGRES_PORT", String.valueOf(postgres.port()));
        builder.environment().put("EMPORIUM_POSTGRES_USER", postgres.user());
        builder.environment().put("EMPORIUM_POSTGRES_PASSWORD", postgres.password());
        builder.environment().put("EMPORIUM_POSTGRES_DATABASE", postgres.database());
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log);
        assertThat(process.exitValue()).as(output).isZero();
        if (run == 1) {
          assertThat(output).containsPattern("Migrations applied: [1-9]\\d* change sets");
        } else {
          assertThat(output).contains("Migrations applied: 0 change sets");
        }
      }
      try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
           ResultSet rows = c.createStatement().executeQuery(
               "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'platform' AND table_name = 'node_start'")) {
        rows.next();
        assertThat(rows.getInt(1)).isEqualTo(1);
      }
    } finally {
      postgres.stop();
    }
  }

  @Test
  void migrateAgainstAnUnreachableDatabaseExitsNonZero() throws Exception {
    ProcessBuilder builder = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-jar", System.getProperty("emporium.jar", "target/emporium.jar"), "migrate", "--profile", "external"))
        .redirectErrorStream(true).redirectOutput(dir.resolve("fail.log").toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("EMPORIUM_"));
    builder.environment().put("EMPORIUM_POSTGRES_PORT", "1");
    builder.environment().put("EMPORIUM_POSTGRES_CONNECT_TIMEOUT_MS", "1000");
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(1);
    assertThat(Files.readString(dir.resolve("fail.log"))).contains("migrating context 'platform'");
  }
}
