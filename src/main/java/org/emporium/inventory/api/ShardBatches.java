package org.emporium.inventory.api;

import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import org.emporium.inventory.application.LineOutcome;
import org.emporium.inventory.application.LineRequest;
import org.emporium.inventory.application.Reservations;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Group commit for one shard (one event loop): requests for a SKU and region queue while that
 * SKU's statement is in flight, and the next statement takes them all (up to {@code maxBatch}) in
 * arrival order. Each SKU has at most one statement in flight per shard; different SKUs run side by side.
 */
final class ShardBatches {

  private static final Logger LOG = LoggerFactory.getLogger(ShardBatches.class);
  private static final String ACTOR = "reservation";
  private static final String UNIQUE_VIOLATION = "23505";
  private static final int MAX_ATTEMPTS = 3;

  private final Pool pool;
  private final Reservations reservations;
  private final Clock clock;
  private final int maxBatch;
  private final Map<String, Queue> queues = new HashMap<>();

  ShardBatches(Pool pool, Reservations reservations, Clock clock, int maxBatch) {
    this.pool = pool;
    this.reservations = reservations;
    this.clock = clock;
    this.maxBatch = maxBatch;
  }

  private static final class Queue {
    final ArrayDeque<Message<LineRequest>> waiting = new ArrayDeque<>();
    boolean inFlight;
  }

  void accept(Message<LineRequest> message) {
    LineRequest request = message.body();
    String key = request.sku() + '\n' + request.region();
    Queue queue = queues.computeIfAbsent(key, k -> new Queue());
    queue.waiting.add(message);
    if (!queue.inFlight) {
      run(key, request.sku(), request.region(), queue);
    }
  }

  private void run(String key, String sku, String region, Queue queue) {
    List<Message<LineRequest>> batch = new ArrayList<>(Math.min(queue.waiting.size(), maxBatch));
    Set<Object> ids = new HashSet<>();
    ArrayDeque<Message<LineRequest>> later = new ArrayDeque<>();
    while (!queue.waiting.isEmpty() && batch.size() < maxBatch) {
      Message<LineRequest> next = queue.waiting.poll();
      // a retry racing its first attempt goes in the next batch, which then answers it as a duplicate
      (ids.add(next.body().reservationId()) ? batch : later).add(next);
    }
    while (!later.isEmpty()) {
      queue.waiting.addFirst(later.pollLast());
    }
    queue.inFlight = true;
    execute(key, sku, region, queue, batch, 1);
  }

  private void execute(String key, String sku, String region, Queue queue, List<Message<LineRequest>> batch,
      int attempt) {
    List<LineRequest> requests = batch.stream().map(Message::body).toList();
    Future<List<LineOutcome>> outcomes;
    try {
      outcomes = reservations.reserveBatch(pool, sku, region, requests, ACTOR, clock.instant());
    } catch (RuntimeException e) {
      outcomes = Future.failedFuture(e);
    }
    outcomes.onComplete(done -> {
      if (done.failed() && attempt < MAX_ATTEMPTS && done.cause() instanceof PgException pg
          && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
        // a retry of one of these reservations was recorded by another node meanwhile: run again,
        // and the statement answers it as a duplicate
        execute(key, sku, region, queue, batch, attempt + 1);
        return;
      }
      if (done.succeeded()) {
        List<LineOutcome> results = done.result();
        for (int i = 0; i < batch.size(); i++) {
          batch.get(i).reply(results.get(i));
        }
      } else {
        LOG.warn("Reserving a batch of {} for SKU {} failed", batch.size(), sku, done.cause());
        Problem problem = Problem.of(ErrorCode.UNAVAILABLE, "Stock could not be reserved just now; retry.");
        batch.forEach(message -> Problems.fail(message, problem.toException()));
      }
      queue.inFlight = false;
      if (queue.waiting.isEmpty()) {
        queues.remove(key);
      } else {
        run(key, sku, region, queue);
      }
    });
  }
}
