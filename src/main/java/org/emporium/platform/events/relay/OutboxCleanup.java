package org.emporium.platform.events.relay;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.concurrent.TimeUnit;

/**
 * Deletes the rows of one outbox that were published longer than the retention ago, in batches of
 * {@code batchSize} (short transactions; rows another cleaner is deleting are skipped).
 */
public final class OutboxCleanup {

  private final Pool pool;
  private final long retentionMs;
  private final int batchSize;
  private final long timeoutMs;
  private final String delete;

  public OutboxCleanup(OutboxSchema outbox, long retentionMs, int batchSize, long timeoutMs) {
    this.pool = outbox.pool();
    this.retentionMs = retentionMs;
    this.batchSize = batchSize;
    this.timeoutMs = timeoutMs;
    String table = outbox.name() + ".outbox";
    this.delete = "DELETE FROM " + table + " WHERE id IN (SELECT id FROM " + table
        + " WHERE published_at < now() - $1::bigint * interval '1 millisecond'"
        + " ORDER BY published_at LIMIT $2 FOR UPDATE SKIP LOCKED)";
  }

  /** Deletes every expired row, batch after batch; returns how many. */
  public Future<Long> run() {
    return deleteFrom(0);
  }

  private Future<Long> deleteFrom(long deletedSoFar) {
    return pool.preparedQuery(delete).execute(Tuple.of(retentionMs, (long) batchSize))
        .timeout(timeoutMs, TimeUnit.MILLISECONDS)
        .compose(result -> {
          long total = deletedSoFar + result.rowCount();
          return result.rowCount() < batchSize ? Future.succeededFuture(total) : deleteFrom(total);
        });
  }
}
