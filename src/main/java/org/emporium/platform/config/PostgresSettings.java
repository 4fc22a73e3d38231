package org.emporium.platform.config;

import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

/**
 * PostgreSQL settings: one shared connection, and per context an optional override (an object with
 * any of the shared keys, or a {@code postgresql://user:password@host:port/database} URI).
 */
public record PostgresSettings(PgSettings shared, Map<String, PgSettings> contexts) {

  static PostgresSettings from(Settings s) {
    PgSettings shared = PgSettings.from(s);
    Map<String, PgSettings> contexts = new TreeMap<>();
    JsonObject overrides = s.child("contexts").json();
    for (String context : overrides.fieldNames()) {
      contexts.put(context, override(shared, overrides.getValue(context), "postgres.contexts." + context));
    }
    return new PostgresSettings(shared, Map.copyOf(contexts));
  }

  /** The connection a context uses; a context not listed uses the shared one. */
  public PgSettings forContext(String context) {
    return contexts.getOrDefault(context, shared);
  }

  private static PgSettings override(PgSettings shared, Object value, String path) {
    if (value == null) {
      return shared;
    }
    JsonObject merged = shared.toJson();
    if (value instanceof JsonObject object) {
      merged.mergeIn(object);
    } else {
      merged.mergeIn(fromUri(String.valueOf(value), path));
    }
    return PgSettings.from(new Settings(merged, path));
  }

  private static JsonObject fromUri(String raw, String path) {
    try {
      URI uri = URI.create(raw);
      if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
        throw new ConfigException(path + ": expected a postgresql:// URI");
      }
      JsonObject json = new JsonObject().put("host", uri.getHost());
      if (uri.getPort() > 0) {
        json.put("port", uri.getPort());
      }
      if (uri.getPath() != null && uri.getPath().length() > 1) {
        json.put("database", uri.getPath().substring(1));
      }
      if (uri.getUserInfo() != null) {
        String[] user = uri.getUserInfo().split(":", 2);
        json.put("user", user[0]);
        if (user.length > 1) {
          json.put("password", user[1]);
        }
      }
      return json;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(path + ": not a valid URI: " + e.getMessage());
    }
  }

  /** One PostgreSQL connection's settings. */
  public record PgSettings(String host, int port, String database, String user, String password,
      int poolSize, int waitQueueSize, int pipeliningLimit, int preparedStatementCacheSize,
      long connectTimeoutMs) {

    static PgSettings from(Settings s) {
      return new PgSettings(s.string("host"), s.port("port"), s.string("database"), s.string("user"),
          s.optionalString("password"), (int) s.positive("poolSize"), (int) s.positive("waitQueueSize"),
          (int) s.positive("pipeliningLimit"), (int) s.positive("preparedStatementCacheSize"),
          s.positive("connectTimeoutMs"));
    }

    @Override
    public String toString() {
      return "PgSettings[" + user + "@" + host + ":" + port + "/" + database + ", pool " + poolSize + "]";
    }

    public String jdbcUrl() {
      return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Same server and database: contexts that share it are migrated over one connection. */
    public String serverKey() {
      return host + ":" + port + "/" + database + "?" + user;
    }

    JsonObject toJson() {
      return new JsonObject().put("host", host).put("port", port).put("database", database)
          .put("user", user).put("password", password).put("poolSize", poolSize)
          .put("waitQueueSize", waitQueueSize).put("pipeliningLimit", pipeliningLimit)
          .put("preparedStatementCacheSize", preparedStatementCacheSize)
          .put("connectTimeoutMs", connectTimeoutMs);
    }
  }
}
