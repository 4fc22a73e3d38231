package org.emporium.identity.domain;

/**
 * Sign-in attempts counted in a fixed window: how many so far, and how long the window still
 * runs. Over {@code limit.attempts()} the attempt is refused until the window ends.
 */
public record AttemptCount(long count, long millisLeft) {

  public boolean exceeds(AttemptLimit limit) {
    return count > limit.attempts();
  }

  /** Whole seconds until the window ends, at least 1 (for {@code Retry-After}). */
  public long retryAfterSeconds() {
    return Math.max(1, (millisLeft + 999) / 1000);
  }

  /** At most {@code attempts} in every window of {@code windowSeconds}. */
  public record AttemptLimit(int attempts, int windowSeconds) {
    public AttemptLimit {
      if (attempts < 1 || windowSeconds < 1) {
        throw new IllegalArgumentException("a login limit needs positive attempts and windowSeconds");
      }
    }
  }
}
