package org.emporium.platform.events.relay;

import io.vertx.sqlclient.Pool;

/** A schema with an {@code outbox} table, the server it lives on and the pool to reach it. */
public record OutboxSchema(String name, String serverKey, Pool pool) {
}
