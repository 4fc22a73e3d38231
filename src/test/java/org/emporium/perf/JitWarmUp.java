package org.emporium.perf;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/**
 * A warm-up that lasts until the JIT compiler settles: rounds of load, each timed against the
 * compilation time the JVM reports, until a round (the third or later) spends less than a tenth
 * of its length compiling, or {@code -Dbench.warmUpSeconds} (default 300) have passed. On 2
 * cores a fixed warm-up of a few seconds left C2 busy for minutes afterwards, taking CPU from the
 * measured points.
 */
public final class JitWarmUp {

  private JitWarmUp() {
  }

  /**
   * Runs {@code round} (one round of load, {@code roundMillis} long) until the JIT settles; each
   * round's result and milliseconds of compilation go to {@code report}. The last round's result.
   */
  public static <R> R run(long roundMillis, Callable<R> round, BiConsumer<R, Long> report) throws Exception {
    int maxSeconds = Integer.getInteger("bench.warmUpSeconds", 300);
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    long rounds = Math.max(1, maxSeconds * 1000L / roundMillis);
    R last = null;
    for (int i = 0; i < rounds; i++) {
      long before = jit.getTotalCompilationTime();
      last = round.call();
      long compiling = jit.getTotalCompilationTime() - before;
      report.accept(last, compiling);
      if (i >= 2 && compiling < roundMillis / 10) {
        break;
      }
    }
    return last;
  }
}
