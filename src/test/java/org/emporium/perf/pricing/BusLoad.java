package org.emporium.perf.pricing;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Event-bus load of one kind of request: a closed loop ({@code callers} each sending the next request
 * when the previous answer is in) to find the maximum throughput, and a paced open loop (requests sent
 * on schedule at a fixed rate, whatever the answers do). A paced run reports latency from the send and
 * from the scheduled send: the second includes the 1 ms timer's lag, but a stall cannot hide in it by
 * the load backing off.
 */
final class BusLoad {

  private final Vertx vertx;

  private final List<Context> contexts = new CopyOnWriteArrayList<>();

  /** Takes one context on each of the node's event loops to send from. */
  BusLoad(Vertx vertx) throws Exception {
    this.vertx = vertx;
    vertx.deployVerticle(() -> new VerticleBase() {
      @Override
      public Future<?> start() {
        contexts.add(context);
        return Future.succeededFuture();
      }
    }, new DeploymentOptions().setInstances(SENDERS)).await(30, TimeUnit.SECONDS);
  }

  /**
   * The share of one core the JVM spends with no load at all (node's background work, collector,
   * compiler), over {@code millis}: at low rates it is part of what a paced point divides among its
   * requests.
   */
  Future<Double> atRest(long millis) {
    long cpu = Recorder.cpuNanos();
    long start = System.nanoTime();
    Promise<Double> share = Promise.promise();
    vertx.setTimer(millis, id -> share.complete((Recorder.cpuNanos() - cpu) / (double) (System.nanoTime() - start)));
    return share.future();
  }

  /** Latencies in ms from the send; for a paced run also p50/p99 from the scheduled send (NaN otherwise). */
  record Result(String name, double perSecond, long ok, long failed, double p50, double p99, double p999, double max,
      double scheduledP50, double scheduledP99, String firstError, double kilobytesEach,
      double cpuMicrosEach) {

    @Override
    public String toString() {
      String scheduled = Double.isNaN(scheduledP99) ? ""
          : String.format("  from schedule: p50 %6.3f ms  p99 %6.3f ms", scheduledP50, scheduledP99);
      return String.format("%-44s %8.0f quotes/s  p50 %6.3f ms  p99 %6.3f ms  p99.9 %6.3f ms  max %7.2f ms%s"
          + "  (%d ok, %d failed%s; per request %.1f KB allocated, %.0f us CPU)", name, perSecond, p50, p99, p999, max,
          scheduled, ok, failed, firstError == null ? "" : ", first: " + firstError, kilobytesEach, cpuMicrosEach);
    }
  }

  /** Event-loop contexts the load is sent from: one on each of the node's event loops (default count). */
  static final int SENDERS = VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE;

  private static final class Recorder {
    final long[] micros = new long[4_000_000];
    final long[] fromSchedule;
    final AtomicInteger recorded = new AtomicInteger();
    final AtomicLong failed = new AtomicLong();
    final AtomicReference<String> firstError = new AtomicReference<>();
    final long allocatedBefore;
    final long cpuBefore;

    Recorder(boolean paced) {
      fromSchedule = paced ? new long[micros.length] : null;
      allocatedBefore = allocated();
      cpuBefore = cpuNanos();
    }

    /** CPU time of the whole JVM (node, load, collector, compiler), user and system. */
    static long cpuNanos() {
      return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
          .getProcessCpuTime();
    }

    /** Bytes every live thread of the JVM (node and load alike) has allocated so far. */
    static long allocated() {
      com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long total = 0;
      for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
        total += Math.max(0, bytes);
      }
      return total;
    }

    void ok(long sentNanos, long scheduledNanos) {
      long now = System.nanoTime();
      int slot = recorded.getAndIncrement();
      if (slot < micros.length) {
        micros[slot] = (now - sentNanos) / 1000;
        if (fromSchedule != null) {
          fromSchedule[slot] = (now - scheduledNanos) / 1000;
        }
      }
    }

    void failed(Throwable cause) {
      failed.incrementAndGet();
      firstError.compareAndSet(null, String.valueOf(cause));
    }

    Result result(String name, double seconds) {
      double kilobytesEach = (allocated() - allocatedBefore) / 1024.0 / Math.max(1, recorded.get());
      double cpuMicrosEach = (cpuNanos() - cpuBefore) / 1000.0 / Math.max(1, recorded.get());
      int size = Math.min(recorded.get(), micros.length);
      long[] sorted = Arrays.copyOf(micros, size);
      Arrays.sort(sorted);
      long[] scheduled = fromSchedule == null ? new long[0] : Arrays.copyOf(fromSchedule, size);
      Arrays.sort(scheduled);
      return new Result(name, recorded.get() / seconds, recorded.get(), failed.get(), at(sorted, 0.50),
          at(sorted, 0.99), at(sorted, 0.999), size == 0 ? Double.NaN : sorted[size - 1] / 1000.0,
          at(scheduled, 0.50), at(scheduled, 0.99), firstError.get(), kilobytesEach,
          cpuMicrosEach);
    }

    private static double at(long[] sorted, double quantile) {
      if (sorted.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(quantile * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }
  }

  Future<Result> closed(String name, Supplier<Future<?>> call, int callers, long millis) {
    Recorder recorder = new Recorder(false);
    long start = System.nanoTime();
    long end = start + millis * 1_000_000;
    Promise<Void> all = Promise.promise();
    AtomicInteger running = new AtomicInteger(callers);
    for (int i = 0; i < callers; i++) {
      // the callers spread over the event loops, as requests arriving on many connections would be
      contexts.get(i % contexts.size()).runOnContext(v -> loop(call, end, recorder, () -> {
        if (running.decrementAndGet() == 0) {
          all.complete();
        }
      }));
    }
    return all.future().map(v -> recorder.result(name + ", " + callers + " in flight", (System.nanoTime() - start) / 1e9));
  }

  // callbacks rather than an ever-growing future chain
  private void loop(Supplier<Future<?>> call, long end, Recorder recorder, Runnable done) {
    if (System.nanoTime() >= end) {
      done.run();
      return;
    }
    long sent = System.nanoTime();
    call.get().onComplete(answer -> {
      if (answer.succeeded()) {
        recorder.ok(sent, sent);
        loop(call, end, recorder, done);
      } else {
        recorder.failed(answer.cause());
        vertx.setTimer(5, id -> loop(call, end, recorder, done));
      }
    });
  }

  /**
   * {@code perSecond} requests a second on a 1 ms schedule for {@code millis}; waits for the last
   * answers. The schedule is split over {@link #SENDERS} event-loop contexts, each sending its share
   * and taking its answers, so that the generator's own event loop is not what queues.
   */
  Future<Result> paced(String name, Supplier<Future<?>> call, double perSecond, long millis) {
    Recorder recorder = new Recorder(true);
    long start = System.nanoTime();
    long total = (long) (perSecond * millis / 1000.0);
    AtomicLong answered = new AtomicLong();
    Promise<Void> all = Promise.promise();
    for (int sender = 0; sender < SENDERS; sender++) {
      long share = total / SENDERS + (sender < total % SENDERS ? 1 : 0);
      if (share == 0) {
        continue;
      }
      double intervalNanos = 1e9 * SENDERS / perSecond;
      long offset = (long) (intervalNanos * sender / SENDERS);
      AtomicLong sent = new AtomicLong();
      Context context = contexts.get(sender % contexts.size());
      context.runOnContext(v -> vertx.setPeriodic(1, timer -> {
        long due = Math.min(share, (long) ((System.nanoTime() - start - offset) / intervalNanos) + 1);
        while (sent.get() < due) {
          long scheduled = start + offset + (long) (sent.getAndIncrement() * intervalNanos);
          long sentAt = System.nanoTime();
          call.get().onComplete(answer -> {
            if (answer.succeeded()) {
              recorder.ok(sentAt, scheduled);
            } else {
              recorder.failed(answer.cause());
            }
            if (answered.incrementAndGet() == total) {
              all.complete();
            }
          });
        }
        if (sent.get() >= share) {
          vertx.cancelTimer(timer);
        }
      }));
    }
    return all.future().map(v -> recorder.result(String.format("%s, paced at %.0f/s", name, perSecond),
        millis / 1000.0));
  }
}
