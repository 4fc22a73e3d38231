package org.emporium.testing;

import org.emporium.platform.clients.Clients;
import org.emporium.platform.config.ConfigSource;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.embedded.EmbeddedKafkaBroker;
import org.emporium.platform.embedded.EmbeddedPostgresServer;
import org.emporium.platform.migration.Migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Real PostgreSQL and Kafka for event-backbone tests. Each named test context gets a schema with
 * the shared {@code outbox} and {@code processed_event} tables, migrated by the real changelogs.
 * Kafka can be stopped and started again on the same port and data.
 */
public final class BackboneFixture implements AutoCloseable {

  private final Path dir;
  private final EmbeddedPostgresServer postgres;
  private EmbeddedKafkaBroker kafka;
  private final int kafkaPort;
  private final NodeConfig config;

  private BackboneFixture(Path dir, EmbeddedPostgresServer postgres, EmbeddedKafkaBroker kafka,
      Map<String, String> overrides) {
    this.dir = dir;
    this.postgres = postgres;
    this.kafka = kafka;
    this.kafkaPort = kafka.port();
    Map<String, String> settings = new HashMap<>(Map.of(
        "postgres.host", postgres.host(), "postgres.port", String.valueOf(postgres.port()),
        "postgres.user", postgres.user(), "postgres.password", postgres.password(),
        "postgres.database", postgres.database(),
        "kafka.bootstrapServers", kafka.bootstrapServers()));
    settings.putAll(overrides);
    this.config = TestNode.config("external", dir, settings);
  }

  /** Starts the servers and creates one schema with an outbox per context name. */
  public static BackboneFixture start(Path dir, Map<String, String> overrides, String... contexts) {
    EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dir.resolve("postgres"), 0);
    EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0);
    BackboneFixture fixture = new BackboneFixture(dir, postgres, kafka, overrides);
    fixture.migrate(contexts);
    return fixture;
  }

  public static BackboneFixture start(Path dir, String... contexts) {
    return start(dir, Map.of(), contexts);
  }

  private void migrate(String... contexts) {
    try {
      Path home = dir.resolve("home");
      Path migrations = Files.createDirectories(home.resolve("migrations/shared"));
      for (String shared : new String[] {"outbox.yaml", "processed-event.yaml"}) {
        Files.copy(Path.of("migrations/shared", shared), migrations.resolve(shared));
      }
      StringBuilder master = new StringBuilder("databaseChangeLog:\n");
      for (String context : contexts) {
        master.append("  - include:\n      file: ").append(context).append(".yaml\n");
        Files.writeString(home.resolve("migrations/" + context + ".yaml"), """
            databaseChangeLog:
              - include:
                  file: shared/outbox.yaml
                  relativeToChangelogFile: true
              - include:
                  file: shared/processed-event.yaml
                  relativeToChangelogFile: true
            """);
      }
      Files.writeString(home.resolve("migrations/master.yaml"), master);
      new Migrations(config.postgres(), new ConfigSource(home)).apply();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public NodeConfig config() {
    return config;
  }

  public Clients clients() {
    return new Clients(config);
  }

  public String jdbcUrl() {
    return postgres.jdbcUrl();
  }

  public EmbeddedPostgresServer postgres() {
    return postgres;
  }

  public String kafkaBootstrapServers() {
    return "127.0.0.1:" + kafkaPort;
  }

  /** Stops the broker; producers and consumers see it as down until {@link #startKafka()}. */
  public void stopKafka() {
    kafka.stop();
  }

  /** Starts the broker again on the same port and data directory. */
  public void startKafka() {
    kafka = EmbeddedKafkaBroker.start(dir.resolve("kafka"), kafkaPort);
  }

  @Override
  public void close() {
    kafka.stop();
    postgres.stop();
  }
}
