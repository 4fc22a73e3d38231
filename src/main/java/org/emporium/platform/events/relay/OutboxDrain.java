package org.emporium.platform.events.relay;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Drains one outbox: a pass that finds rows waiting claims one batch of every shard at once
 * (shards another relay holds are skipped); passes repeat while batches come back full or wake-ups
 * arrived meanwhile. After a failure it waits with exponential backoff (wake-ups do not cut the
 * wait short) and logs once per episode. While publishing fails, a pass is a probe: only the shard
 * of the oldest waiting row, so that an unreachable broker holds one connection of the context's
 * pool for the publish timeout, not one per shard; the first probe that succeeds starts a full
 * pass at once. Use it from one Vert.x context.
 */
final class OutboxDrain {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxDrain.class);

  private final Vertx vertx;
  private final ShardRelay relay;
  private final Backoff backoff;
  private final RelayMetrics metrics;
  private boolean running;
  private boolean again;
  private boolean stopped;
  private long retryTimer = -1;
  private Promise<Void> idle;
  private boolean probing;

  OutboxDrain(Vertx vertx, ShardRelay relay, Backoff backoff, RelayMetrics metrics) {
    this.vertx = vertx;
    this.relay = relay;
    this.backoff = backoff;
    this.metrics = metrics;
  }

  String schema() {
    return relay.schema();
  }

  /** Asks for a pass: now if idle, after the current pass or the backoff otherwise. */
  void wake() {
    if (stopped) {
      return;
    }
    if (running || retryTimer != -1) {
      again = true;
      return;
    }
    pass();
  }

  /** Stops after the pass under way, if any, waiting for it at most {@code waitMs}. */
  Future<Void> stop(long waitMs) {
    stopped = true;
    vertx.cancelTimer(retryTimer);
    if (!running) {
      return Future.succeededFuture();
    }
    idle = Promise.promise();
    vertx.setTimer(waitMs, t -> idle.tryComplete());
    return idle.future();
  }

  private void pass() {
    running = true;
    again = false;
    relay.oldestPending().onComplete(pending -> {
      if (pending.failed() || pending.result() < 0) {
        finished(pending.failed() ? List.of(Future.failedFuture(pending.cause())) : List.of());
        return;
      }
      List<Future<ShardBatch>> batches = new ArrayList<>(relay.shards());
      probing = backoff.failures() > 0;
      if (probing) {
        batches.add(relay.publish(pending.result()));
        again = true; // a probe that succeeds is followed by a full pass
      } else {
        for (int shard = 0; shard < relay.shards(); shard++) {
          batches.add(relay.publish(shard));
        }
      }
      Future.join(batches).onComplete(done -> finished(batches));
    });
  }

  private void finished(List<Future<ShardBatch>> batches) {
    running = false;
    Throwable failure = null;
    boolean full = false;
    int published = 0;
    for (Future<ShardBatch> batch : batches) {
      if (batch.failed()) {
        failure = batch.cause();
      } else {
        full |= batch.result().full();
        published += batch.result().published();
      }
    }
    metrics.published(schema(), published);
    if (stopped) {
      if (idle != null) {
        idle.tryComplete();
      }
    } else if (failure != null) {
      retryLater(failure);
    } else if (probing && published == 0) {
      // the shard was another relay's, or emptied meanwhile: no news of the broker, probe again later
      retryTimer = vertx.setTimer(backoff.next(), t -> {
        retryTimer = -1;
        pass();
      });
    } else {
      recovered();
      if (full || again) {
        vertx.runOnContext(v -> wake());
      }
    }
  }

  private void retryLater(Throwable failure) {
    long delay = backoff.next();
    if (backoff.failures() == 1) {
      LOG.warn("Outbox {}: publishing failed, events stay in the outbox; retrying with backoff: {}",
          schema(), failure.toString());
    } else {
      LOG.debug("Outbox {}: attempt {} failed, next in {} ms: {}", schema(), backoff.failures(), delay,
          failure.toString());
    }
    retryTimer = vertx.setTimer(delay, t -> {
      retryTimer = -1;
      pass();
    });
  }

  private void recovered() {
    int failures = backoff.reset();
    if (failures > 0) {
      LOG.info("Outbox {}: publishing again after {} failed attempts", schema(), failures);
    }
  }
}
