package org.emporium.platform.events.relay;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.emporium.platform.clients.Clients;
import org.emporium.platform.config.PostgresSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Finds the schemas with an {@code outbox} table on every PostgreSQL server (server and database)
 * the configured contexts use, the shared one included. A schema that is a context on that server
 * is reached through the context's pool, any other through the pool the server was searched with.
 */
public final class OutboxSchemas {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSchemas.class);
  /** Not a context: its pool goes to the shared server. */
  static final String SHARED_POOL = "outbox_relay";
  private static final Pattern SCHEMA = Pattern.compile("[a-z][a-z0-9_]{0,62}");
  private static final String FIND = "SELECT table_schema FROM information_schema.tables "
      + "WHERE table_name = 'outbox' AND table_type = 'BASE TABLE' ORDER BY table_schema";

  private final Vertx vertx;
  private final PostgresSettings postgres;
  private final Clients clients;
  private final long timeoutMs;

  public OutboxSchemas(Vertx vertx, PostgresSettings postgres, Clients clients, long timeoutMs) {
    this.vertx = vertx;
    this.postgres = postgres;
    this.clients = clients;
    this.timeoutMs = timeoutMs;
  }

  /** One context (or the shared pool name) per distinct server, keyed by its server key. */
  public Map<String, String> servers() {
    Map<String, String> servers = new TreeMap<>();
    new TreeMap<>(postgres.contexts()).keySet()
        .forEach(context -> servers.putIfAbsent(postgres.forContext(context).serverKey(), context));
    servers.putIfAbsent(postgres.shared().serverKey(), SHARED_POOL);
    return servers;
  }

  public Future<List<OutboxSchema>> discover() {
    List<Future<List<OutboxSchema>>> found = new ArrayList<>();
    servers().forEach((server, context) -> found.add(discover(server, clients.postgres(vertx, context))));
    return Future.all(found).map(all -> all.<List<OutboxSchema>>list().stream().flatMap(List::stream).toList());
  }

  private Future<List<OutboxSchema>> discover(String server, Pool serverPool) {
    return serverPool.query(FIND).execute().timeout(timeoutMs, TimeUnit.MILLISECONDS).map(rows -> {
      List<OutboxSchema> schemas = new ArrayList<>();
      rows.forEach(row -> {
        String schema = row.getString(0);
        if (!SCHEMA.matcher(schema).matches()) {
          LOG.warn("Outbox in schema '{}' skipped: not a context schema name", schema);
        } else if (postgres.forContext(schema).serverKey().equals(server)) {
          schemas.add(new OutboxSchema(schema, server, clients.postgres(vertx, schema)));
        } else {
          schemas.add(new OutboxSchema(schema, server, serverPool));
        }
      });
      return schemas;
    });
  }
}
