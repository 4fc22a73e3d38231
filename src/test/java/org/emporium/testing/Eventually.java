package org.emporium.testing;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waiting in tests for what happens in the background (consumers, sweepers, replicas), bounded. */
public final class Eventually {

  private Eventually() {
  }

  /** Repeats {@code probe} every 20 ms until {@code done} holds, for at most {@code bound}; returns the last result. */
  public static <T> T eventually(Supplier<T> probe, Predicate<T> done, Duration bound) {
    long deadline = System.nanoTime() + bound.toNanos();
    T last = probe.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached within " + bound + "; last: " + last);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      last = probe.get();
    }
    return last;
  }
}
