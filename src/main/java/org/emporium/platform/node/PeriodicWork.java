package org.emporium.platform.node;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A context's periodic work on one node (sweepers, signals): each kind runs again its interval after
 * its previous round ended, so rounds of one kind never overlap. A failed round is logged and the
 * next one comes as usual.
 */
public final class PeriodicWork {

  private static final Logger LOG = LoggerFactory.getLogger(PeriodicWork.class);

  private final Vertx vertx;
  private final List<Kind> kinds = new ArrayList<>();
  private boolean stopped;

  public PeriodicWork(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Runs {@code round} every {@code intervalMs} after the previous one ends; {@code what} names it in logs. */
  public PeriodicWork every(long intervalMs, String what, Supplier<? extends Future<?>> round) {
    Kind kind = new Kind(intervalMs, what, round);
    kinds.add(kind);
    kind.schedule();
    return this;
  }

  public void stop() {
    stopped = true;
    kinds.forEach(kind -> vertx.cancelTimer(kind.timer));
  }

  private final class Kind {
    private final long intervalMs;
    private final String what;
    private final Supplier<? extends Future<?>> round;
    private long timer = -1;

    private Kind(long intervalMs, String what, Supplier<? extends Future<?>> round) {
      this.intervalMs = intervalMs;
      this.what = what;
      this.round = round;
    }

    private void schedule() {
      timer = vertx.setTimer(intervalMs, id -> round.get()
          .onFailure(failure -> LOG.warn("{} failed; next round in {} ms: {}", what, intervalMs, failure.toString()))
          .onComplete(done -> {
            if (!stopped) {
              schedule();
            }
          }));
    }
  }
}
