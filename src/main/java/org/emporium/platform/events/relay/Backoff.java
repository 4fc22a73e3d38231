package org.emporium.platform.events.relay;

/**
 * Exponential backoff from a floor to a ceiling. An episode starts with the first failure and ends
 * with {@link #reset()}, so callers can report a failure once per episode.
 */
final class Backoff {

  private final long initialMs;
  private final long maxMs;
  private int failures;

  Backoff(long initialMs, long maxMs) {
    this.initialMs = Math.max(1, Math.min(initialMs, maxMs));
    this.maxMs = maxMs;
  }

  /** Records a failure and returns how long to wait before the next attempt. */
  long next() {
    failures++;
    int doublings = Math.min(failures - 1, 30);
    return Math.min(maxMs, initialMs << doublings);
  }

  /** Failures in the current episode; 0 when things work. */
  int failures() {
    return failures;
  }

  /** Ends the episode; returns how many failures it had. */
  int reset() {
    int had = failures;
    failures = 0;
    return had;
  }
}
