package org.emporium.platform.events.consumer;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/**
 * Forgets the processed event ids of one consumer once they are older than the retention: by then
 * Kafka no longer holds those events, so they cannot be redelivered. Deletes in batches, so one run
 * never holds many row locks.
 */
final class ProcessedEventsCleanup {

  private static final int BATCH = 1000;

  private final Pool pool;
  private final String consumer;
  private final long retentionMs;
  private final Clock clock;
  private final long timeoutMs;
  private final String delete;

  ProcessedEventsCleanup(Pool pool, String context, String consumer, long retentionMs, Clock clock, long timeoutMs) {
    this.pool = pool;
    this.consumer = consumer;
    this.retentionMs = retentionMs;
    this.clock = clock;
    this.timeoutMs = timeoutMs;
    this.delete = "DELETE FROM " + context + ".processed_event WHERE consumer = $1 AND event_id IN ("
        + "SELECT event_id FROM " + context + ".processed_event WHERE consumer = $1 AND processed_at < $2 LIMIT "
        + BATCH + ")";
  }

  /** Deletes every expired id of this consumer; returns how many. */
  Future<Long> run() {
    OffsetDateTime before = OffsetDateTime.ofInstant(clock.instant().minusMillis(retentionMs), ZoneOffset.UTC);
    return batch(before, 0);
  }

  private Future<Long> batch(OffsetDateTime before, long deleted) {
    return pool.preparedQuery(delete).execute(Tuple.of(consumer, before))
        .timeout(timeoutMs, TimeUnit.MILLISECONDS)
        .compose(result -> result.rowCount() == BATCH
            ? batch(before, deleted + BATCH)
            : Future.succeededFuture(deleted + result.rowCount()));
  }
}
