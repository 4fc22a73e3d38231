package org.emporium.reliability.faults;

import org.emporium.platform.embedded.EmbeddedKafkaBroker;
import org.emporium.platform.embedded.EmbeddedPostgresServer;
import org.emporium.platform.embedded.EmbeddedRedisServer;
import org.emporium.testing.TestNode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The PostgreSQL, Redis and Kafka servers a cluster shares, run by this JVM on fixed ports so each
 * one can be stopped and started again where the nodes expect it.
 */
final class Servers implements AutoCloseable {

  private final Path dir;
  private final int postgresPort = TestNode.freePort();
  private final int redisPort = TestNode.freePort();
  private final int kafkaPort = TestNode.freePort();
  private EmbeddedPostgresServer postgres;
  private EmbeddedRedisServer redis;
  private EmbeddedKafkaBroker kafka;
  private int redisGeneration;

  private Servers(Path dir) {
    this.dir = dir;
  }

  /** Starts the three servers side by side. */
  static Servers start(Path dir) {
    Servers servers = new Servers(dir);
    var pg = CompletableFuture.runAsync(servers::startPostgres);
    var rd = CompletableFuture.runAsync(servers::startRedis);
    var kf = CompletableFuture.runAsync(servers::startKafka);
    try {
      CompletableFuture.allOf(pg, rd, kf).join();
    } catch (RuntimeException e) {
      servers.close();
      throw e;
    }
    return servers;
  }

  void startPostgres() {
    postgres = EmbeddedPostgresServer.start(dir.resolve("postgres"), postgresPort);
  }

  void stopPostgres() {
    postgres.stop();
  }

  /** Starts Redis on a new, empty directory: whatever it held before is gone. */
  void startEmptyRedis() {
    redisGeneration++;
    startRedis();
  }

  private void startRedis() {
    redis = EmbeddedRedisServer.start(dir.resolve("redis-" + redisGeneration), redisPort);
  }

  void stopRedis() {
    redis.stop();
  }

  void startKafka() {
    kafka = EmbeddedKafkaBroker.start(dir.resolve("kafka"), kafkaPort);
  }

  void stopKafka() {
    kafka.stop();
  }

  String kafkaBootstrap() {
    return "127.0.0.1:" + kafkaPort;
  }

  Connection jdbc() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + postgres.database(),
        postgres.user(), postgres.password());
  }

  /** The environment that points a node of profile {@code external} at these servers. */
  Map<String, String> nodeEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("EMPORIUM_POSTGRES_HOST", "127.0.0.1");
    env.put("EMPORIUM_POSTGRES_PORT", String.valueOf(postgresPort));
    env.put("EMPORIUM_POSTGRES_USER", postgres.user());
    env.put("EMPORIUM_POSTGRES_PASSWORD", postgres.password());
    env.put("EMPORIUM_POSTGRES_DATABASE", postgres.database());
    env.put("EMPORIUM_REDIS_HOST", "127.0.0.1");
    env.put("EMPORIUM_REDIS_PORT", String.valueOf(redisPort));
    env.put("EMPORIUM_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap());
    return env;
  }

  @Override
  public void close() {
    for (Runnable stop : new Runnable[] {() -> kafka.stop(), () -> redis.stop(), () -> postgres.stop()}) {
      try {
        stop.run();
      } catch (RuntimeException e) {
        System.err.println("could not stop a server: " + e);
      }
    }
  }
}
