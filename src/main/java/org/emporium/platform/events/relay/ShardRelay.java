package org.emporium.platform.events.relay;

import org.emporium.platform.events.TopicProvisioner;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the oldest unpublished rows of one shard of one outbox. Rows belong to shard
 * {@code abs(hashtext(aggregate_id)) mod shards}, so an aggregate always lives in one shard, and a
 * shard is worked by one relay at a time (an advisory lock held for the transaction): one
 * aggregate's events go out in id order, each batch acknowledged before the next is claimed.
 * The rows are marked published in the same transaction; a crash before the commit republishes.
 */
public final class ShardRelay {

  private final String schema;
  private final Pool pool;
  private final int shards;
  private final int batchSize;
  private final long timeoutMs;
  private final TopicProvisioner topics;
  private final OutboxProducer producer;
  private final String pending;
  private final String lock;
  private final String claim;
  private final String mark;

  public ShardRelay(OutboxSchema outbox, int shards, int batchSize, long publishTimeoutMs,
      TopicProvisioner topics, OutboxProducer producer) {
    this.schema = outbox.name();
    this.pool = outbox.pool();
    this.shards = shards;
    this.batchSize = batchSize;
    this.timeoutMs = publishTimeoutMs;
    this.topics = topics;
    this.producer = producer;
    this.pending = "SELECT mod(abs(hashtext(aggregate_id)::bigint), $1)::int FROM " + schema + ".outbox"
        + " WHERE published_at IS NULL ORDER BY id LIMIT 1";
    // set_config(..., true) is SET LOCAL: no statement of the claim may hang the shard; and the
    // commit that marks rows published need not wait for its WAL flush, since a mark lost in a
    // crash only publishes the batch again, which consumers absorb
    this.lock = "SELECT pg_try_advisory_xact_lock(hashtext($1), $2) AS locked, "
        + "set_config('statement_timeout', $3, true), set_config('synchronous_commit', 'off', true)";
    this.claim = "SELECT " + OutboxRow.COLUMNS + " FROM " + schema + ".outbox "
        + "WHERE published_at IS NULL AND mod(abs(hashtext(aggregate_id)::bigint), $1) = $2 "
        + "ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED";
    this.mark = "UPDATE " + schema + ".outbox SET published_at = now() WHERE id = ANY($1)";
  }

  public String schema() {
    return schema;
  }

  public int shards() {
    return shards;
  }

  /**
   * The shard of the oldest row waiting, or -1 when none waits: one cheap query that spares an idle
   * poll its transactions, and tells a probe which shard to try.
   */
  public Future<Integer> oldestPending() {
    return pool.preparedQuery(pending).execute(Tuple.of((long) shards)).timeout(timeoutMs, TimeUnit.MILLISECONDS)
        .map(rows -> rows.size() == 0 ? -1 : rows.iterator().next().getInteger(0));
  }

  /** Claims, publishes and marks one batch of {@code shard}; skips it if another relay holds it. */
  public Future<ShardBatch> publish(int shard) {
    return pool.withTransaction(connection -> connection.preparedQuery(lock)
            .execute(Tuple.of("emporium_outbox." + schema, shard, String.valueOf(timeoutMs)))
            .compose(rows -> rows.iterator().next().getBoolean("locked")
                ? publishClaimed(connection, shard)
                : Future.succeededFuture(ShardBatch.SKIPPED)))
        .timeout(3 * timeoutMs, TimeUnit.MILLISECONDS);
  }

  private Future<ShardBatch> publishClaimed(SqlConnection connection, int shard) {
    return connection.preparedQuery(claim).execute(Tuple.of((long) shards, (long) shard, (long) batchSize))
        .compose(result -> {
          List<OutboxRow> rows = new ArrayList<>(result.size());
          result.forEach(row -> rows.add(OutboxRow.from(row)));
          if (rows.isEmpty()) {
            return Future.succeededFuture(new ShardBatch(0, false, false));
          }
          UUID[] ids = rows.stream().map(OutboxRow::id).toArray(UUID[]::new);
          return topics.ensure(rows.stream().map(OutboxRow::topic).toList())
              .compose(ready -> producer.send(rows))
              .compose(acked -> connection.preparedQuery(mark).execute(Tuple.tuple().addArrayOfUUID(ids)))
              .map(marked -> new ShardBatch(rows.size(), rows.size() == batchSize, false));
        });
  }
}
