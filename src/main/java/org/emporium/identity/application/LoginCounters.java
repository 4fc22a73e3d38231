package org.emporium.identity.application;

import io.vertx.core.Future;
import org.emporium.identity.domain.AttemptCount;
import org.emporium.identity.domain.AttemptCount.AttemptLimit;

/** Fixed-window counters shared by every node (Redis). */
public interface LoginCounters {

  /** Counts one more attempt under {@code key}; the window starts with the first. */
  Future<AttemptCount> increment(String key, AttemptLimit limit);

  Future<Void> clear(String key);
}
