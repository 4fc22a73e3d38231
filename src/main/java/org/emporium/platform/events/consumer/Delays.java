package org.emporium.platform.events.consumer;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.HashMap;
import java.util.Map;

/**
 * Backoff waits on timers that a stop can cut short, so a consumer never sleeps through its own
 * shutdown. Used from the consumer's context only.
 */
final class Delays {

  private final Vertx vertx;
  private final Map<Long, Promise<Boolean>> pending = new HashMap<>();
  private boolean cancelled;

  Delays(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Completes with true after {@code ms}, or with false at once or later if cancelled. */
  Future<Boolean> sleep(long ms) {
    if (cancelled) {
      return Future.succeededFuture(false);
    }
    Promise<Boolean> woken = Promise.promise();
    long timer = vertx.setTimer(Math.max(1, ms), id -> {
      pending.remove(id);
      woken.tryComplete(true);
    });
    pending.put(timer, woken);
    return woken.future();
  }

  void cancelAll() {
    cancelled = true;
    pending.forEach((timer, woken) -> {
      vertx.cancelTimer(timer);
      woken.tryComplete(false);
    });
    pending.clear();
  }

  /** The exponential backoff before attempt {@code failures + 1}: initial, doubling, capped. */
  static long backoff(long initialMs, long maxMs, int failures) {
    int doublings = Math.min(Math.max(failures - 1, 0), 30);
    return initialMs > (maxMs >> doublings) ? maxMs : initialMs << doublings;
  }
}
