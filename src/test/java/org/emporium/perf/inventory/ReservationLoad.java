package org.emporium.perf.inventory;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A closed loop of {@code clients} callers, each sending its next reservation when the previous
 * answer is in, for a fixed time. Counts successful reservations (and their latency) apart from refusals.
 */
final class ReservationLoad {

  private final Vertx vertx;

  ReservationLoad(Vertx vertx) {
    this.vertx = vertx;
  }

  record Result(String name, int clients, long won, long failed, double perSecond, double p50, double p99) {

    @Override
    public String toString() {
      return String.format("%-34s %5d clients %9.0f reservations/s  p50 %7.2f ms  p99 %7.2f ms  (%d held, %d failed)",
          name, clients, perSecond, p50, p99, won, failed);
    }
  }

  /** {@code call} answers true for a reservation held, false for a refusal; a failed future is an error. */
  Future<Result> run(String name, Supplier<Future<Boolean>> call, int clients, long millis) {
    long[] micros = new long[20_000_000];
    AtomicInteger recorded = new AtomicInteger();
    AtomicLong failed = new AtomicLong();
    long end = System.nanoTime() + millis * 1_000_000;
    long start = System.nanoTime();
    Promise<Void> all = Promise.promise();
    AtomicInteger running = new AtomicInteger(clients);
    vertx.runOnContext(v -> {
      for (int i = 0; i < clients; i++) {
        loop(call, end, micros, recorded, failed, () -> {
          if (running.decrementAndGet() == 0) {
            all.complete();
          }
        });
      }
    });
    return all.future().map(v -> {
      double seconds = (System.nanoTime() - start) / 1e9;
      int size = Math.min(recorded.get(), micros.length);
      long[] sorted = Arrays.copyOf(micros, size);
      Arrays.sort(sorted);
      return new Result(name, clients, recorded.get(), failed.get(), recorded.get() / seconds, at(sorted, 0.5),
          at(sorted, 0.99));
    });
  }

  // callbacks rather than an ever-growing future chain
  private void loop(Supplier<Future<Boolean>> call, long end, long[] micros, AtomicInteger recorded, AtomicLong failed,
      Runnable done) {
    if (System.nanoTime() >= end) {
      done.run();
      return;
    }
    long sent = System.nanoTime();
    call.get().onComplete(answer -> {
      if (answer.succeeded() && answer.result()) {
        int slot = recorded.getAndIncrement();
        if (slot < micros.length) {
          micros[slot] = (System.nanoTime() - sent) / 1000;
        }
        loop(call, end, micros, recorded, failed, done);
      } else {
        failed.incrementAndGet();
        vertx.setTimer(5, id -> loop(call, end, micros, recorded, failed, done));
      }
    });
  }

  private static double at(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
  }
}
