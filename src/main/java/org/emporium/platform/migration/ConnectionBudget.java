package org.emporium.platform.migration;

import org.emporium.platform.config.PostgresSettings;
import org.emporium.platform.config.PostgresSettings.PgSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the connections a node may open to each PostgreSQL server (one pool of
 * {@code poolSize} per context) with what the server has free, at start-up, before anything
 * depends on it. Pools open connections on demand, so a node over budget starts, but under load
 * its pools would wait for connections the server refuses; the node says so at once, in a warning
 * that names the settings to change. Blocking (JDBC): call before Vert.x deploys.
 */
public final class ConnectionBudget {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionBudget.class);

  /** One server: the most this node may open, and what the server has free for it now. */
  public record Server(String address, int wanted, int pools, int maxConnections, int reserved, int inUse) {

    public int free() {
      return maxConnections - reserved - inUse;
    }

    public boolean fits() {
      return wanted <= free();
    }
  }

  private ConnectionBudget() {
  }

  /** Checks every server the contexts use; logs a warning for each one the node may overrun. */
  public static List<Server> check(PostgresSettings postgres, List<String> contexts) {
    Map<String, List<PgSettings>> byServer = new LinkedHashMap<>();
    for (String context : contexts) {
      PgSettings pg = postgres.forContext(context);
      byServer.computeIfAbsent(pg.host() + ":" + pg.port(), key -> new ArrayList<>()).add(pg);
    }
    List<Server> servers = new ArrayList<>();
    for (Map.Entry<String, List<PgSettings>> entry : byServer.entrySet()) {
      List<PgSettings> pools = entry.getValue();
      Server server = measure(entry.getKey(), pools.stream().mapToInt(PgSettings::poolSize).sum(), pools.size(),
          pools.get(0));
      if (server == null) {
        continue;
      }
      servers.add(server);
      if (!server.fits()) {
        LOG.warn("PostgreSQL at {} has {} connections free (max_connections {}, {} reserved, {} in use), and this"
                + " node may open up to {} ({} context pools of postgres.poolSize): under load its pools would"
                + " wait for connections the server refuses. Lower postgres.poolSize or raise max_connections"
                + " (README, configuration).", server.address(), server.free(), server.maxConnections(), server.reserved(),
            server.inUse(), server.wanted(), server.pools());
      }
    }
    return servers;
  }

  private static Server measure(String address, int wanted, int pools, PgSettings pg) {
    try (Connection jdbc = Migrations.connect(pg, "emporium-budget");
         Statement statement = jdbc.createStatement();
         ResultSet row = statement.executeQuery("SELECT current_setting('max_connections')::int,"
             + " current_setting('superuser_reserved_connections')::int,"
             + " (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')::int - 1")) {
      row.next();
      return new Server(address, wanted, pools, row.getInt(1), row.getInt(2), row.getInt(3));
    } catch (SQLException e) {
      // only advice: a server that cannot answer this fails the migrations or the pools, loudly
      LOG.warn("Could not compare the connection pools with PostgreSQL at {}: {}", address, e.getMessage());
      return null;
    }
  }
}
