package org.emporium.checkout.application;

import io.vertx.core.Future;
import org.emporium.checkout.domain.SagaRules;
import org.emporium.checkout.domain.SagaState;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The recovery sweeper of one node: claims sagas whose lease ran out (their runner died, or left
 * them for later) and takes each to its one outcome: forward once captured, a capture asked again
 * when it may have been sent, compensated otherwise.
 */
public final class Recovering {

  private static final Logger LOG = LoggerFactory.getLogger(Recovering.class);
  static final String INTERRUPTED = "The checkout was interrupted and has been undone; nothing was charged.";

  private final Sagas sagas;
  private final SagaRunner runner;
  private final Clock clock;
  private final CheckoutSettings settings;
  private final String owner;

  public Recovering(Sagas sagas, SagaRunner runner, Clock clock, CheckoutSettings settings, String owner) {
    this.sagas = sagas;
    this.runner = runner;
    this.clock = clock;
    this.settings = settings;
    this.owner = owner;
  }

  /** One round: the number of sagas claimed. */
  public Future<Integer> sweep() {
    Instant now = clock.instant();
    return sagas.claimExpired(owner, now, now.plusMillis(settings.sagaLeaseMs()), settings.sweepBatch())
        .compose(claimed -> Future.join(claimed.stream().map(this::recover).toList()).transform(done ->
            Future.succeededFuture(claimed.size())));
  }

  private Future<Reply> recover(SagaRecord saga) {
    SagaRules.Recovery way = SagaRules.recover(saga.state(), saga.step());
    LOG.info("Recovering checkout {} at step {} ({}): {}", saga.id(), saga.step().key(), saga.state().key(), way);
    Future<Reply> done = switch (way) {
      case FORWARD, RETRY_CAPTURE -> runner.forward(saga, null);
      case COMPENSATE -> saga.state() == SagaState.COMPENSATING
          ? runner.compensate(saga, stored(saga))
          : runner.failInterrupted(saga, Problem.of(ErrorCode.UNAVAILABLE, INTERRUPTED));
      case NOTHING -> Future.succeededFuture();
    };
    return done.onFailure(failure -> LOG.warn("Checkout {} not recovered this round: {}", saga.id(),
        failure.toString()));
  }

  private static Reply stored(SagaRecord saga) {
    io.vertx.core.json.JsonObject failure = saga.context().getJsonObject("failure");
    return new Reply(failure.getInteger("status"), failure, false);
  }
}
