package org.emporium.platform.node;

import io.vertx.core.json.JsonObject;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.embedded.EmbeddedPostgresServer;
import org.emporium.platform.embedded.EmbeddedServers;
import org.emporium.platform.embedded.EmbeddedServers.Endpoints;

/**
 * The embedded servers of a profile with {@code embedded.enabled}, and the configuration that
 * points the node at them instead of the configured {@code postgres}, {@code redis} and
 * {@code kafka} endpoints.
 */
final class LocalInfrastructure {

  private final AutoCloseable servers;
  private final Endpoints endpoints;

  private LocalInfrastructure(AutoCloseable servers, Endpoints endpoints) {
    this.servers = servers;
    this.endpoints = endpoints;
  }

  static LocalInfrastructure start(NodeConfig config) {
    EmbeddedServers servers = EmbeddedServers.start(new EmbeddedServers.Settings(config.dataDir(),
        config.embedded().postgresPort(), config.embedded().redisPort(), config.embedded().kafkaPort()));
    return new LocalInfrastructure(servers, servers.endpoints());
  }

  /** PostgreSQL alone, for {@code migrate} on the embedded default. */
  static LocalInfrastructure startPostgresOnly(NodeConfig config) {
    EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(config.dataDir().resolve("postgres"),
        config.embedded().postgresPort());
    Endpoints endpoints = new Endpoints(postgres.host(), postgres.port(), postgres.user(), postgres.password(),
        postgres.database(), null, 0, null);
    return new LocalInfrastructure(postgres, endpoints);
  }

  NodeConfig configure(NodeConfig config) {
    JsonObject json = config.json().copy();
    JsonObject postgres = json.getJsonObject("postgres")
        .put("host", endpoints.postgresHost())
        .put("port", endpoints.postgresPort())
        .put("user", endpoints.postgresUser())
        .put("password", endpoints.postgresPassword())
        .put("database", endpoints.postgresDatabase());
    // every context shares the one embedded database
    JsonObject contexts = postgres.getJsonObject("contexts");
    contexts.fieldNames().forEach(context -> contexts.putNull(context));
    if (endpoints.redisHost() != null) {
      json.getJsonObject("redis").put("host", endpoints.redisHost()).put("port", endpoints.redisPort());
      json.getJsonObject("kafka").put("bootstrapServers", endpoints.kafkaBootstrapServers());
    }
    return NodeConfig.from(json);
  }

  void stop() {
    try {
      servers.close();
    } catch (Exception e) {
      throw new IllegalStateException("stopping embedded servers failed: " + e.getMessage(), e);
    }
  }
}
