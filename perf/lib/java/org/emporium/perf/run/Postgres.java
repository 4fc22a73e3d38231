package org.emporium.perf.run;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The node's PostgreSQL as the baselines reach it. The embedded server trusts loopback logins
 * as {@code postgres} in database {@code postgres}; PERF_PG_USER, PERF_PG_PASSWORD and
 * PERF_PG_DATABASE name another.
 */
record Postgres(Endpoint endpoint, String user, String password, String database) {

  static Postgres of(String hostPort) {
    return new Postgres(Endpoint.parse(hostPort), System.getenv().getOrDefault("PERF_PG_USER", "postgres"),
        System.getenv().getOrDefault("PERF_PG_PASSWORD", "postgres"),
        System.getenv().getOrDefault("PERF_PG_DATABASE", "postgres"));
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + endpoint + "/" + database, user, password);
  }

  /** The connection options of pgbench and psql. */
  List<String> cli() {
    return List.of("-h", endpoint.host(), "-p", String.valueOf(endpoint.port()), "-U", user);
  }

  Map<String, String> env() {
    return Map.of("PGPASSWORD", password);
  }
}
