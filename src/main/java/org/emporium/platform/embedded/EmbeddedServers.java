package org.emporium.platform.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local profile's PostgreSQL, Redis and Kafka, each in its own directory under the node's data
 * directory. Started once before Vert.x deploys, stopped in reverse order.
 */
public final class EmbeddedServers implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServers.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  /** Where the servers keep their data, and their ports: 0 picks a free one. */
  public record Settings(Path dataDir, int postgresPort, int redisPort, int kafkaPort) {
    public Settings {
      Objects.requireNonNull(dataDir, "dataDir");
      for (int port : new int[] {postgresPort, redisPort, kafkaPort}) {
        if (port < 0 || port > 65_535) {
          throw new IllegalArgumentException("Not a port: " + port);
        }
      }
    }
  }

  /** Where clients reach the servers. */
  public record Endpoints(String postgresHost, int postgresPort, String postgresUser,
      String postgresPassword, String postgresDatabase, String redisHost, int redisPort,
      String kafkaBootstrapServers) {
  }

  private final EmbeddedPostgresServer postgres;
  private final EmbeddedRedisServer redis;
  private final EmbeddedKafkaBroker kafka;

  private EmbeddedServers(EmbeddedPostgresServer postgres, EmbeddedRedisServer redis,
      EmbeddedKafkaBroker kafka) {
    this.postgres = postgres;
    this.redis = redis;
    this.kafka = kafka;
  }

  /**
   * Starts the three servers in parallel (they do not depend on one another, and the two child
   * processes mostly wait while Kafka loads its classes) and returns once all accept clients. If
   * one fails, those that started are stopped.
   */
  public static EmbeddedServers start(Settings settings) {
    long begin = System.nanoTime();
    AtomicInteger threads = new AtomicInteger();
    ExecutorService starter = Executors.newFixedThreadPool(3, task -> {
      Thread thread = new Thread(task, "embedded-start-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    try {
      Path dataDir = settings.dataDir();
      // the free ports all at once: servers starting side by side that each picked their own could
      // be handed the same one (the system may give out again a port another picker just released)
      int[] ports = FreePorts.assign(settings.postgresPort(), settings.redisPort(), settings.kafkaPort(), 0);
      var postgres = CompletableFuture.supplyAsync(() -> EmbeddedPostgresServer.start(
          dataDir.resolve("postgres"), ports[0]), starter);
      var redis = CompletableFuture.supplyAsync(() -> EmbeddedRedisServer.start(
          dataDir.resolve("redis"), ports[1]), starter);
      var kafka = CompletableFuture.supplyAsync(() -> EmbeddedKafkaBroker.start(
          dataDir.resolve("kafka"), ports[2], ports[3]), starter);
      List<CompletableFuture<? extends AutoCloseable>> reverse = List.of(kafka, redis, postgres);
      try {
        CompletableFuture.allOf(postgres, redis, kafka).get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException | TimeoutException | InterruptedException e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        // a server still starting is stopped once it has started
        reverse.forEach(future -> future.thenAccept(EmbeddedServers::stopQuietly));
        throw new IllegalStateException("Embedded servers did not start under " + dataDir,
            e instanceof ExecutionException ? e.getCause() : e);
      }
      EmbeddedServers servers = new EmbeddedServers(postgres.join(), redis.join(), kafka.join());
      LOG.info("Embedded servers ready in {} ms under {}: PostgreSQL {}:{}, Redis {}:{}, Kafka {}",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin), dataDir,
          servers.postgres.host(), servers.postgres.port(), servers.redis.host(),
          servers.redis.port(), servers.kafka.bootstrapServers());
      return servers;
    } finally {
      starter.shutdown();
    }
  }

  public Endpoints endpoints() {
    return new Endpoints(postgres.host(), postgres.port(), postgres.user(), postgres.password(),
        postgres.database(), redis.host(), redis.port(), kafka.bootstrapServers());
  }

  /** Stops Kafka, Redis, then PostgreSQL; a failure to stop one does not keep the others running. */
  public void stop() {
    IllegalStateException failure = null;
    for (AutoCloseable server : List.of(kafka, redis, postgres)) {
      try {
        server.close();
      } catch (Exception e) {
        LOG.warn("Could not stop {}: {}", server.getClass().getSimpleName(), e.getMessage());
        if (failure == null) {
          failure = new IllegalStateException("Not every embedded server stopped cleanly");
        }
        failure.addSuppressed(e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void close() {
    stop();
  }

  private static void stopQuietly(AutoCloseable server) {
    try {
      server.close();
    } catch (Exception e) {
      LOG.warn("Could not stop {} after a failed start: {}", server.getClass().getSimpleName(),
          e.getMessage());
    }
  }
}
