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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Group commit for one shard (one event loop): requests queue while the shard's statement is in
 * flight, and the next statement takes them all (up to {@code maxBatch}) in arrival order, whatever
 * their SKUs: one round trip and one commit for the lot. Each SKU is allocated in arrival order.
 */
final class ShardBatches {

  private static final Logger LOG = LoggerFactory.getLogger(ShardBatches.class);
  private static final String ACTOR = "reservation";
  private static final Set<String> RETRIED = Set.of("23505", "40P01");
  private static final int MAX_ATTEMPTS = 3;

  private final Pool pool;
  private final Reservations reservations;
  private final Clock clock;
  private final int maxBatch;
  private final ArrayDeque<Message<LineRequest>> waiting = new ArrayDeque<>();
  private boolean inFlight;

  ShardBatches(Pool pool, Reservations reservations, Clock clock, int maxBatch) {
    this.pool = pool;
    this.reservations = reservations;
    this.clock = clock;
    this.maxBatch = maxBatch;
  }

  void accept(Message<LineRequest> message) {
    waiting.add(message);
    if (!inFlight) {
      next();
    }
  }

  private void next() {
    List<Message<LineRequest>> batch = new ArrayList<>(Math.min(waiting.size(), maxBatch));
    Set<Object> ids = new HashSet<>();
    ArrayDeque<Message<LineRequest>> later = new ArrayDeque<>();
    while (!waiting.isEmpty() && batch.size() < maxBatch) {
      Message<LineRequest> request = waiting.poll();
      LineRequest line = request.body();
      // a retry racing its first attempt goes in the next batch, which then answers it as a duplicate
      Object key = line.whole() ? line.reservationId() : line.reservationId() + "/" + line.sku();
      (ids.add(key) ? batch : later).add(request);
    }
    while (!later.isEmpty()) {
      waiting.addFirst(later.pollLast());
    }
    inFlight = true;
    execute(batch, 1);
  }

  private void execute(List<Message<LineRequest>> batch, int attempt) {
    reserve(batch).onComplete(done -> {
      if (done.failed() && attempt < MAX_ATTEMPTS && done.cause() instanceof PgException pg
          && RETRIED.contains(pg.getSqlState())) {
        // another node recorded one of these reservation ids meanwhile (the statement then answers
        // it as a duplicate), or PostgreSQL broke a lock cycle: nothing was written, run it again
        execute(batch, attempt + 1);
        return;
      }
      if (done.failed() && batch.size() > 1 && dataError(done.cause())) {
        // one request's value (text PostgreSQL cannot store) fails the statement of the whole batch:
        // each runs alone, so that only that request is refused
        alone(batch, 0);
        return;
      }
      // the next statement goes out before this batch's answers, so PostgreSQL works on it while
      // the replies are sent
      finished();
      answer(batch, done);
    });
  }

  private void alone(List<Message<LineRequest>> batch, int index) {
    if (index == batch.size()) {
      finished();
      return;
    }
    List<Message<LineRequest>> one = List.of(batch.get(index));
    reserve(one).onComplete(done -> {
      answer(one, done);
      alone(batch, index + 1);
    });
  }

  /** One statement for {@code batch}; a failure to even send it is a failed future too. */
  private Future<List<LineOutcome>> reserve(List<Message<LineRequest>> batch) {
    try {
      return reservations.reserveBatch(pool, batch.stream().map(Message::body).toList(), ACTOR, clock.instant());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /** The batch in flight is answered: the next one starts if requests are waiting. */
  private void finished() {
    inFlight = false;
    if (!waiting.isEmpty()) {
      next();
    }
  }

  private static void answer(List<Message<LineRequest>> batch, io.vertx.core.AsyncResult<List<LineOutcome>> done) {
    if (done.succeeded()) {
      List<LineOutcome> results = done.result();
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).reply(results.get(i));
      }
    } else if (dataError(done.cause())) {
      batch.forEach(message -> Problems.fail(message, done.cause()));
    } else {
      LOG.warn("Reserving a batch of {} lines failed", batch.size(), done.cause());
      Problem problem = Problem.of(ErrorCode.UNAVAILABLE, "Stock could not be reserved just now; retry.");
      batch.forEach(message -> Problems.fail(message, problem.toException()));
    }
  }

  /** A value the statement cannot take (SQLSTATE class 22): the request's fault, not a reason to retry. */
  private static boolean dataError(Throwable failure) {
    return failure instanceof PgException pg && pg.getSqlState() != null && pg.getSqlState().startsWith("22");
  }
}
