package org.emporium.perf.events;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.OutboxEvent;
import org.emporium.platform.events.Transaction;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes events through the real outbox path, one transaction per event, at a fixed arrival rate
 * (an open model: the next transactions start on schedule whether or not earlier ones finished).
 */
final class EventLoad {

  private static final int TICK_MS = 10;

  private final Vertx vertx;
  private final Pool pool;
  private final Outbox outbox;
  private final int aggregates;
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong inFlight = new AtomicLong();

  EventLoad(Vertx vertx, Pool pool, Outbox outbox, int aggregates) {
    this.vertx = vertx;
    this.pool = pool;
    this.outbox = outbox;
    this.aggregates = aggregates;
  }

  /** Writes {@code perSecond} events a second for {@code seconds}; completes when all committed. */
  Future<Long> run(int perSecond, int seconds) {
    written.set(0);
    failed.set(0);
    Promise<Long> done = Promise.promise();
    long ticks = seconds * 1000L / TICK_MS;
    AtomicLong tick = new AtomicLong();
    AtomicLong due = new AtomicLong();
    vertx.setPeriodic(TICK_MS, id -> {
      long now = tick.incrementAndGet();
      long target = now * perSecond * TICK_MS / 1000;
      while (due.get() < target) {
        long n = due.getAndIncrement();
        writeOne(n);
      }
      if (now >= ticks) {
        vertx.cancelTimer(id);
        awaitDrain(done);
      }
    });
    return done.future();
  }

  /** As many events as {@code writers} concurrent transactions can commit, for {@code seconds}. */
  Future<Long> runClosed(int writers, int seconds) {
    written.set(0);
    failed.set(0);
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    AtomicLong next = new AtomicLong();
    Promise<Long> done = Promise.promise();
    AtomicLong running = new AtomicLong(writers);
    for (int i = 0; i < writers; i++) {
      loop(next, end, () -> {
        if (running.decrementAndGet() == 0) {
          done.complete(written.get());
        }
      });
    }
    return done.future();
  }

  private void loop(AtomicLong next, long end, Runnable finished) {
    if (System.nanoTime() >= end) {
      finished.run();
      return;
    }
    write(next.getAndIncrement()).onComplete(result -> {
      (result.succeeded() ? written : failed).incrementAndGet();
      loop(next, end, finished);
    });
  }

  private void writeOne(long n) {
    inFlight.incrementAndGet();
    write(n).onComplete(result -> {
      inFlight.decrementAndGet();
      (result.succeeded() ? written : failed).incrementAndGet();
    });
  }

  private Future<Void> write(long n) {
    String aggregate = "agg-" + (n % aggregates);
    return Transaction.run(pool, outbox, tx -> {
      tx.publish(OutboxEvent.of("load", aggregate, "load.happened", new JsonObject().put("seq", n)
          .put("note", "benchmark event with a payload of typical size for an order line change")));
      return Future.<Void>succeededFuture();
    });
  }

  private void awaitDrain(Promise<Long> done) {
    vertx.setPeriodic(5, id -> {
      if (inFlight.get() == 0) {
        vertx.cancelTimer(id);
        done.complete(written.get());
      }
    });
  }

  long failed() {
    return failed.get();
  }
}
