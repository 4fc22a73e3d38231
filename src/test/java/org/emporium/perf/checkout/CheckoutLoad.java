package org.emporium.perf.checkout;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Checkout load: a closed loop ({@code callers} each sending the next checkout when the previous
 * answer is in) for the maximum rate, and an open loop (checkouts sent on a fixed schedule whatever
 * the answers do) whose latency runs from the scheduled send, so a stall shows in full instead of
 * slowing the load down (coordinated omission). Only 201 counts; every other answer is an error.
 */
final class CheckoutLoad {

  private final Vertx vertx;

  CheckoutLoad(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Latencies in ms; {@code errors} by status ("failure" for no answer). */
  record Result(String name, double perSecond, long ok, long errors, double p50, double p99, double p999,
      double max, Map<String, Long> errorsByStatus, double seconds) {

    double tailRatio() {
      return p999 / p50;
    }

    @Override
    public String toString() {
      return String.format("%-34s %7.1f checkouts/s  p50 %7.2f ms  p99 %7.2f ms  p99.9 %7.2f ms  max %7.1f ms"
          + "  (%d ok, %d errors%s, %.1f s)", name, perSecond, p50, p99, p999, max, ok, errors,
          errorsByStatus.isEmpty() ? "" : " " + errorsByStatus, seconds);
    }
  }

  private static final class Recorder {
    final long[] micros = new long[2_000_000];
    final AtomicInteger recorded = new AtomicInteger();
    final AtomicLong errors = new AtomicLong();
    final Map<String, AtomicLong> byStatus = new ConcurrentHashMap<>();

    /** True for a 201. */
    boolean record(AsyncResult<Integer> answer, long fromNanos) {
      if (answer.succeeded() && answer.result() == 201) {
        int slot = recorded.getAndIncrement();
        if (slot < micros.length) {
          micros[slot] = (System.nanoTime() - fromNanos) / 1000;
        }
        return true;
      }
      errors.incrementAndGet();
      String key = answer.succeeded() ? String.valueOf(answer.result()) : answer.cause().getClass().getSimpleName();
      byStatus.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
      return false;
    }

    Result result(String name, double seconds) {
      int size = Math.min(recorded.get(), micros.length);
      long[] sorted = Arrays.copyOf(micros, size);
      Arrays.sort(sorted);
      Map<String, Long> statuses = new TreeMap<>();
      byStatus.forEach((k, v) -> statuses.put(k, v.get()));
      return new Result(name, recorded.get() / seconds, recorded.get(), errors.get(), at(sorted, 0.50),
          at(sorted, 0.99), at(sorted, 0.999), size == 0 ? Double.NaN : sorted[size - 1] / 1000.0, statuses, seconds);
    }

    private static double at(long[] sorted, double quantile) {
      if (sorted.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(quantile * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }
  }

  /** Ends at {@code millis} or when the carts run out, whichever comes first. */
  Future<Result> closed(String name, Supplier<Future<Integer>> call, int callers, long millis) {
    Recorder recorder = new Recorder();
    long start = System.nanoTime();
    long end = start + millis * 1_000_000;
    Promise<Void> all = Promise.promise();
    AtomicInteger running = new AtomicInteger(callers);
    vertx.runOnContext(v -> {
      for (int i = 0; i < callers; i++) {
        loop(call, end, recorder, () -> {
          if (running.decrementAndGet() == 0) {
            all.complete();
          }
        });
      }
    });
    return all.future().map(v -> recorder.result(name + ", " + callers + " in flight",
        (System.nanoTime() - start) / 1e9));
  }

  // callbacks rather than an ever-growing future chain
  private void loop(Supplier<Future<Integer>> call, long end, Recorder recorder, Runnable done) {
    if (System.nanoTime() >= end) {
      done.run();
      return;
    }
    long sent = System.nanoTime();
    call.get().onComplete(answer -> {
      if (answer.failed() && answer.cause() instanceof Checkouts.OutOfCarts) {
        done.run();
      } else if (recorder.record(answer, sent)) {
        loop(call, end, recorder, done);
      } else {
        vertx.setTimer(5, id -> loop(call, end, recorder, done));
      }
    });
  }

  /** {@code perSecond} checkouts a second on a 1 ms schedule for {@code millis}; waits for the last answers. */
  Future<Result> paced(String name, Supplier<Future<Integer>> call, double perSecond, long millis) {
    Recorder recorder = new Recorder();
    long start = System.nanoTime();
    long total = (long) (perSecond * millis / 1000.0);
    AtomicLong sent = new AtomicLong();
    AtomicLong answered = new AtomicLong();
    Promise<Void> all = Promise.promise();
    double intervalNanos = 1e9 / perSecond;
    vertx.runOnContext(v -> vertx.setPeriodic(1, timer -> {
      long due = Math.min(total, (long) ((System.nanoTime() - start) / intervalNanos) + 1);
      while (sent.get() < due) {
        long scheduled = start + (long) (sent.getAndIncrement() * intervalNanos);
        call.get().onComplete(answer -> {
          recorder.record(answer, scheduled);
          if (answered.incrementAndGet() == total) {
            all.complete();
          }
        });
      }
      if (sent.get() >= total) {
        vertx.cancelTimer(timer);
      }
    }));
    // the rate achieved runs to the last answer: a backlog at the end stretches it
    return all.future().map(v -> recorder.result(String.format("%s at %.0f/s", name, perSecond),
        (System.nanoTime() - start) / 1e9));
  }
}
