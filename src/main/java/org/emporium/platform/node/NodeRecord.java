package org.emporium.platform.node;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Records each start and stop of the node in {@code platform.node_start}, for operators. */
final class NodeRecord {

  private final Pool pool;
  private final Platform platform;
  private final UUID id;

  NodeRecord(Vertx vertx, Platform platform) {
    this.pool = platform.clients().postgresUnshared(vertx, "platform", 1);
    this.platform = platform;
    this.id = platform.ids().next();
  }

  Future<Void> started() {
    String version = Node.class.getPackage().getImplementationVersion();
    return pool.preparedQuery("INSERT INTO platform.node_start (id, node_id, region, roles, version, started_at) "
            + "VALUES ($1, $2, $3, $4, $5, $6)")
        .execute(Tuple.of(id, platform.nodeId(), platform.region(), String.join(",", platform.config().roles()),
            version == null ? "dev" : version, now()))
        .mapEmpty();
  }

  Future<Void> stopped() {
    return pool.preparedQuery("UPDATE platform.node_start SET stopped_at = $1 WHERE id = $2")
        .execute(Tuple.of(now(), id))
        .<Void>mapEmpty()
        .eventually(pool::close);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(platform.clock().instant(), ZoneOffset.UTC);
  }
}
