package org.emporium.platform.events.relay;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.util.concurrent.TimeUnit;

/** How long the oldest unpublished event of one outbox has been waiting (0 when none is). */
final class OutboxLag {

  private final Pool pool;
  private final long timeoutMs;
  private final String oldest;

  OutboxLag(OutboxSchema outbox, long timeoutMs) {
    this.pool = outbox.pool();
    this.timeoutMs = timeoutMs;
    this.oldest = "SELECT (extract(epoch FROM now() - created_at) * 1000)::bigint FROM " + outbox.name()
        + ".outbox WHERE published_at IS NULL ORDER BY id LIMIT 1";
  }

  Future<Long> millis() {
    return pool.preparedQuery(oldest).execute().timeout(timeoutMs, TimeUnit.MILLISECONDS)
        .map(rows -> rows.size() == 0 ? 0L : Math.max(0L, rows.iterator().next().getLong(0)));
  }
}
