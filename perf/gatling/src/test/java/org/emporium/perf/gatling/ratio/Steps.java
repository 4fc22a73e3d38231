package org.emporium.perf.gatling.ratio;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One context's requests sorted by the step their user was scheduled in (warm-up, then one step
 * per arrival rate), with each latency measured from the user's start, the scheduled send. Once a
 * step is known to have saturated the node, the users of later steps send nothing.
 */
final class Steps {

  static final int WARMUP = -1;
  static final int SKIP = -2;

  private final String context;
  private final double[] rates;
  private final int stepSeconds;
  private final long warmupNanos;
  private final long stepNanos;
  private final long limitNanos;
  private final Step[] steps;
  private final AtomicLong phaseStart = new AtomicLong();
  private final AtomicInteger judged = new AtomicInteger(-1);
  private volatile int firstSaturated = Integer.MAX_VALUE;

  Steps(String context, double[] rates, int stepSeconds, int warmupSeconds, long p99LimitMs) {
    this.context = context;
    this.rates = rates.clone();
    this.stepSeconds = stepSeconds;
    this.warmupNanos = warmupSeconds * 1_000_000_000L;
    this.stepNanos = stepSeconds * 1_000_000_000L;
    this.limitNanos = p99LimitMs * 1_000_000L;
    this.steps = new Step[rates.length];
    for (int i = 0; i < steps.length; i++) {
      steps[i] = new Step();
    }
  }

  /** The step of a user starting now: {@link #WARMUP}, an index, or {@link #SKIP}. */
  int begin(long now) {
    phaseStart.compareAndSet(0, now);
    long offset = now - phaseStart.get() - warmupNanos;
    if (offset < 0) {
      return WARMUP;
    }
    int step = (int) Math.min(steps.length - 1, offset / stepNanos);
    judgeEnded(now, step);
    if (step > firstSaturated) {
      return SKIP;
    }
    steps[step].started.increment();
    return step;
  }

  void end(int step, long start, long end, boolean ok) {
    if (step < 0) {
      return;
    }
    Step s = steps[step];
    (ok ? s.ok : s.ko).increment();
    s.latencies.add(end - start);
  }

  /** Judges once each step that ended a p99 limit ago: later than that, a request still out is late. */
  private void judgeEnded(long now, int current) {
    for (int j = judged.get() + 1; j < current; j = judged.get() + 1) {
      long end = phaseStart.get() + warmupNanos + (j + 1) * stepNanos;
      if (now < end + limitNanos || !judged.compareAndSet(j - 1, j)) {
        return;
      }
      Step s = steps[j];
      long late = s.started.sum() - s.ok.sum() - s.ko.sum();
      if (saturated(j, late) && j < firstSaturated) {
        firstSaturated = j;
      }
    }
  }

  /** p99 within the limit, at most 0.1% failed, the generator on schedule. */
  private boolean held(int step, long stillOut) {
    Step s = steps[step];
    long started = s.started.sum();
    return started > 0 && started >= 0.9 * rates[step] * stepSeconds
        && slower(s, limitNanos) + stillOut <= 0.01 * started && s.ko.sum() <= 0.001 * started;
  }

  /**
   * Clearly past what the node takes (p99 over four times the limit, or over 1% failed), rather
   * than a step a neighbour's burst pushed just over the limit: the search goes on after those.
   */
  private boolean saturated(int step, long stillOut) {
    Step s = steps[step];
    long started = s.started.sum();
    return started < 0.9 * rates[step] * stepSeconds || slower(s, 4 * limitNanos) + stillOut > 0.01 * started
        || s.ko.sum() > 0.01 * started;
  }

  private static long slower(Step s, long nanos) {
    return s.latencies.stream().filter(latency -> latency > nanos).count();
  }

  /** The steps as JSON, and the highest rate held below the first step that saturated the node. */
  String json(String label) {
    List<String> rows = new ArrayList<>();
    int best = -1;
    for (int i = 0; i < steps.length; i++) {
      Step s = steps[i];
      long[] sorted = s.latencies.stream().mapToLong(Long::longValue).sorted().toArray();
      boolean held = i <= firstSaturated && held(i, s.started.sum() - sorted.length);
      if (held) {
        best = i;
      }
      rows.add(String.format(Locale.ROOT, "{\"rate\": %s, \"started\": %d, \"ok\": %d, \"ko\": %d, \"perSecond\": %.1f,"
              + " \"p50\": %s, \"p99\": %s, \"p999\": %s, \"max\": %s, \"held\": %b, \"skipped\": %b}", number(rates[i]),
          s.started.sum(), s.ok.sum(), s.ko.sum(), (double) s.ok.sum() / stepSeconds, ms(sorted, 0.50),
          ms(sorted, 0.99), ms(sorted, 0.999), ms(sorted, 1.0), held, i > firstSaturated));
    }
    return String.format(Locale.ROOT, "{\"context\": \"%s\", \"label\": \"%s\", \"stepSeconds\": %d, \"warmupSeconds\": %d,"
            + " \"p99LimitMs\": %d, \"best\": %d, \"steps\": [\n  %s\n]}\n", context, label, stepSeconds,
        warmupNanos / 1_000_000_000L, limitNanos / 1_000_000L, best, String.join(",\n  ", rows));
  }

  private static String ms(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return "null";
    }
    int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(quantile * sorted.length) - 1));
    return String.format(Locale.ROOT, "%.2f", sorted[index] / 1e6);
  }

  private static String number(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }

  private static final class Step {
    final LongAdder started = new LongAdder();
    final LongAdder ok = new LongAdder();
    final LongAdder ko = new LongAdder();
    final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
  }
}
