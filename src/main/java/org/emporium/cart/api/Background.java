package org.emporium.cart.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Periodic work of the context on one node; a round starts only when the previous one is over. */
final class Background {

  private static final Logger LOG = LoggerFactory.getLogger(Background.class);

  private final Vertx vertx;
  private final List<Long> timers = new ArrayList<>();
  private boolean stopped;

  Background(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Runs {@code round} every {@code intervalMs} after the previous one ends. */
  Background every(long intervalMs, String what, Supplier<Future<Integer>> round) {
    schedule(timers.size(), intervalMs, what, round);
    return this;
  }

  void stop() {
    stopped = true;
    timers.forEach(vertx::cancelTimer);
  }

  private void schedule(int slot, long intervalMs, String what, Supplier<Future<Integer>> round) {
    long timer = vertx.setTimer(intervalMs, id -> round.get()
        .onFailure(failure -> LOG.warn("{} failed; next round in {} ms: {}", what, intervalMs, failure.toString()))
        .onComplete(done -> {
          if (!stopped) {
            schedule(slot, intervalMs, what, round);
          }
        }));
    if (slot < timers.size()) {
      timers.set(slot, timer);
    } else {
      timers.add(timer);
    }
  }
}
