package org.emporium.platform.node;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.apache.kafka.clients.admin.Admin;
import org.emporium.platform.cluster.ClusterMembership;
import org.emporium.platform.config.ConfigSource;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.clients.Clients;
import org.emporium.platform.eventbus.RequestIds;
import org.emporium.platform.id.TimeOrderedIds;
import org.emporium.platform.logging.Logging;
import org.emporium.platform.migration.ConnectionBudget;
import org.emporium.platform.migration.Migrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One Emporium node: embedded servers (local profile), migrations, the clustered Vert.x instance
 * and the verticles of its roles. {@link #start()} and {@link #stop()} block the calling thread,
 * which is never an event loop.
 */
public final class Node {

  private static final Logger LOG = LoggerFactory.getLogger(Node.class);

  private final ConfigSource source;
  private final Clock clock;
  private final Readiness readiness = new Readiness();
  /** start() and stop() run on the main and the signal threads, never on an event loop. */
  private final ReentrantLock lifecycle = new ReentrantLock();
  private NodeConfig config;
  private LocalInfrastructure infrastructure;
  private Vertx vertx;
  private Admin kafkaAdmin;
  private Deployer deployer;
  private NodeRecord record;

  public Node(NodeConfig config, ConfigSource source, Clock clock) {
    this.config = config;
    this.source = source;
    this.clock = clock;
  }

  /** Starts everything and returns once the node is ready; on failure, stops what had started. */
  public void start() {
    lifecycle.lock();
    try {
      startLocked();
    } finally {
      lifecycle.unlock();
    }
  }

  private void startLocked() {
    long begin = System.nanoTime();
    try {
      RequestIds.register();
      if (config.embedded().enabled()) {
        infrastructure = LocalInfrastructure.start(config);
        config = infrastructure.configure(config);
      }
      Migrations migrations = new Migrations(config.postgres(), source);
      migrations.apply();
      ConnectionBudget.check(config.postgres(), migrations.contexts());
      HazelcastClusterManager cluster = ClusterMembership.clusterManager(config.cluster(), source);
      VertxOptions options = vertxOptions();
      vertx = await(Vertx.builder()
          .with(options)
          .withMetrics(new MicrometerMetricsFactory())
          .withClusterManager(cluster)
          .buildClustered(), Duration.ofSeconds(60));
      Logging.nodeId(cluster.getNodeId());
      Clients clients = new Clients(config);
      kafkaAdmin = Admin.create(kafkaAdminSettings(clients));
      Platform platform = new Platform(config, clock, new TimeOrderedIds(clock), clients, readiness,
          cluster, kafkaAdmin);
      deployer = new Deployer(vertx, platform, options.getEventLoopPoolSize());
      await(deployer.deploy(Roles.resolve(source, config.roles())), Duration.ofSeconds(60));
      record = new NodeRecord(vertx, platform);
      await(record.started(), Duration.ofSeconds(10));
      readiness.ready();
      LOG.info("Node {} ready in {} ms: region {}, roles {}, http://{}:{}", cluster.getNodeId(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin), config.region(), config.roles(),
          config.http().host(), config.http().port());
    } catch (RuntimeException e) {
      LOG.error("Node failed to start: {}", e.getMessage());
      stopLocked();
      throw e;
    }
  }

  /**
   * Graceful stop: readiness goes down, verticles undeploy in reverse order (the edge first stops
   * accepting and drains in-flight requests), the node leaves the cluster, embedded servers stop.
   * A stop asked for while the node starts (SIGTERM during start-up) waits for the start first.
   */
  public void stop() {
    lifecycle.lock();
    try {
      stopLocked();
    } finally {
      lifecycle.unlock();
    }
  }

  private void stopLocked() {
    readiness.draining();
    long drain = config.http().drainTimeoutMs();
    if (deployer != null) {
      quietly("undeploy", () -> await(deployer.undeployAll(), Duration.ofMillis(drain + 10_000)));
    }
    if (record != null) {
      quietly("record stop", () -> await(record.stopped(), Duration.ofSeconds(5)));
    }
    if (kafkaAdmin != null) {
      quietly("kafka admin", () -> kafkaAdmin.close(Duration.ofSeconds(5)));
    }
    if (vertx != null) {
      quietly("leave cluster", () -> await(vertx.close(), Duration.ofSeconds(30)));
    }
    if (infrastructure != null) {
      quietly("embedded servers", infrastructure::stop);
    }
    deployer = null;
    record = null;
    kafkaAdmin = null;
    vertx = null;
    infrastructure = null;
    LOG.info("Node stopped");
  }

  public NodeConfig config() {
    return config;
  }

  public Readiness readiness() {
    return readiness;
  }

  public Vertx vertx() {
    return vertx;
  }

  private VertxOptions vertxOptions() {
    VertxOptions options = new VertxOptions()
        .setMetricsOptions(new MicrometerMetricsOptions()
            .setEnabled(true)
            .setJvmMetricsEnabled(true)
            .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true)));
    options.getEventBusOptions().setHost(config.cluster().host());
    return options;
  }

  private Map<String, Object> kafkaAdminSettings(Clients clients) {
    Map<String, Object> settings = new HashMap<>(clients.kafkaCommon("emporium-admin-" + config.region()));
    settings.put("retries", "1");
    return settings;
  }

  static <T> T await(Future<T> future, Duration timeout) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("timed out after " + timeout.toMillis() + " ms", e);
    }
  }

  private static void quietly(String step, Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      LOG.warn("Stopping: {} failed: {}", step, e.getMessage());
    }
  }
}
