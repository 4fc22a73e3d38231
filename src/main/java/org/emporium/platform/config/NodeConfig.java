package org.emporium.platform.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.List;

/** The typed, validated configuration of one node; built once at start from the layered JSON. */
public record NodeConfig(
    String profile,
    String region,
    List<String> roles,
    Path dataDir,
    HttpSettings http,
    ClusterSettings cluster,
    EmbeddedSettings embedded,
    PostgresSettings postgres,
    RedisSettings redis,
    KafkaSettings kafka,
    EventsSettings events,
    long eventBusTimeoutMs,
    long healthCheckTimeoutMs,
    LoggingSettings logging,
    JsonObject json) {

  public static NodeConfig from(JsonObject json) {
    Settings s = new Settings(json, "");
    return new NodeConfig(
        s.string("profile"),
        s.string("region"),
        roles(json.getValue("roles")),
        Path.of(s.string("dataDir")),
        HttpSettings.from(s.child("http")),
        ClusterSettings.from(s.child("cluster")),
        EmbeddedSettings.from(s.child("embedded")),
        PostgresSettings.from(s.child("postgres")),
        RedisSettings.from(s.child("redis")),
        new KafkaSettings(s.child("kafka").string("bootstrapServers"),
            s.child("kafka").positive("requestTimeoutMs")),
        EventsSettings.from(s.child("events")),
        s.child("eventBus").positive("requestTimeoutMs"),
        s.child("health").positive("checkTimeoutMs"),
        LoggingSettings.from(s.child("logging")),
        json);
  }

  /**
   * The edge's wait for operations that run many steps behind one request (a checkout), marked
   * {@code x-emporium-long-running} in the contract: {@code eventBus.longRequestTimeoutMs}.
   */
  public long eventBusLongTimeoutMs() {
    return new Settings(json, "").child("eventBus").positive("longRequestTimeoutMs");
  }

  private static List<String> roles(Object value) {
    List<String> roles = value instanceof JsonArray array
        ? array.stream().map(String::valueOf).toList()
        : ConfigLoader.split(String.valueOf(value)).stream().map(String::valueOf).toList();
    if (roles.isEmpty()) {
      throw new ConfigException("roles: at least one role is needed");
    }
    return roles;
  }

  /** HTTP edge settings. */
  public record HttpSettings(String host, int port, int bodyLimit, int maxHeaderSize, long drainTimeoutMs,
      String contract, boolean compression, TlsSettings tls) {
    static HttpSettings from(Settings s) {
      return new HttpSettings(s.string("host"), s.port("port"), (int) s.positive("bodyLimit"),
          (int) s.positive("maxHeaderSize"), s.positive("drainTimeoutMs"), s.string("contract"),
          s.bool("compression"), TlsSettings.from(s.child("tls")));
    }
  }

  /** TLS on the public port: a PEM certificate chain and its PEM private key, and the HSTS max age. */
  public record TlsSettings(boolean enabled, String certPath, String keyPath, long hstsMaxAgeSeconds) {
    static TlsSettings from(Settings s) {
      boolean enabled = s.bool("enabled");
      return new TlsSettings(enabled, enabled ? s.string("certPath") : s.optionalString("certPath"),
          enabled ? s.string("keyPath") : s.optionalString("keyPath"), s.nonNegative("hstsMaxAgeSeconds"));
    }
  }

  /** Hazelcast membership settings. */
  public record ClusterSettings(String host, int port, boolean portAutoIncrement, List<String> members,
      int connectionTimeoutSeconds, String config) {
    static ClusterSettings from(Settings s) {
      return new ClusterSettings(s.string("host"), s.port("port"), s.bool("portAutoIncrement"),
          s.list("members"), (int) s.positive("connectionTimeoutSeconds"), s.string("config"));
    }
  }

  /** Which embedded servers to start, and on which ports (0 picks a free one). */
  public record EmbeddedSettings(boolean enabled, int postgresPort, int redisPort, int kafkaPort) {
    static EmbeddedSettings from(Settings s) {
      return new EmbeddedSettings(s.bool("enabled"), s.port("postgresPort"), s.port("redisPort"),
          s.port("kafkaPort"));
    }
  }

  /** Redis connection settings. */
  public record RedisSettings(String host, int port, String password, int poolSize, int waitQueueSize,
      long timeoutMs) {
    static RedisSettings from(Settings s) {
      return new RedisSettings(s.string("host"), s.port("port"), s.optionalString("password"),
          (int) s.positive("poolSize"), (int) s.positive("waitQueueSize"), s.positive("timeoutMs"));
    }
  }

  /** Kafka connection settings. */
  public record KafkaSettings(String bootstrapServers, long requestTimeoutMs) {
  }

  /** Log output: {@code json} lines or readable {@code console} text. */
  public record LoggingSettings(String format, String level) {
    static LoggingSettings from(Settings s) {
      String format = s.string("format");
      if (!format.equals("json") && !format.equals("console")) {
        throw new ConfigException("logging.format must be json or console, not " + format);
      }
      return new LoggingSettings(format, s.string("level"));
    }
  }
}
