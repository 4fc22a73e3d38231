package org.emporium.checkout.application;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.emporium.checkout.domain.Compensation;
import org.emporium.checkout.domain.Rejection;
import org.emporium.checkout.domain.SagaRules;
import org.emporium.checkout.domain.SagaState;
import org.emporium.checkout.domain.Step;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Runs a saga: each step, then its outcome persisted (renewing the lease) before the next; a
 * failure before the capture compensates in reverse; after the capture only forward, retrying. A
 * saga whose lease was lost, or that cannot get further now, is left to the sweepers: the future
 * then fails with {@link Rejection.Unfinished} (after a failure, the failure is answered even when
 * the compensation must be finished later).
 */
public final class SagaRunner {

  private static final Logger LOG = LoggerFactory.getLogger(SagaRunner.class);

  private final Vertx vertx;
  private final Sagas sagas;
  private final SagaSteps steps;
  private final Clock clock;
  private final CheckoutSettings settings;

  public SagaRunner(Vertx vertx, Sagas sagas, Downstream downstream, PurchaseCounts counts, Clock clock,
      String region, CheckoutSettings settings) {
    this.vertx = vertx;
    this.sagas = sagas;
    this.steps = new SagaSteps(downstream, counts, settings.purchaseCaps(), region, settings.reservationTtlSeconds());
    this.clock = clock;
    this.settings = settings;
  }

  /** Runs {@code saga}, whose lease was just taken or renewed, forward from its step to an outcome. */
  public Future<Reply> forward(SagaRecord saga, Secrets secrets) {
    return forward(saga, secrets, clock.instant());
  }

  /** {@code renewed}: when the lease was last renewed; a step is written only where it matters. */
  private Future<Reply> forward(SagaRecord saga, Secrets secrets, Instant renewed) {
    Step step = saga.step();
    return attempt(step, saga, secrets, 1).transform(done -> {
      if (done.succeeded()) {
        JsonObject ctx = done.result();
        return step.next().map(next -> {
          SagaRecord reached = saga.at(next, SagaState.RUNNING, ctx);
          Instant now = clock.instant();
          boolean write = SagaRules.durableBefore(next)
              || now.isAfter(renewed.plusMillis(settings.sagaLeaseMs() / 2));
          return write ? persist(reached).compose(saved -> forward(saved, secrets, now))
              : forward(reached, secrets, renewed);
        }).orElseGet(() -> complete(saga.at(step, SagaState.RUNNING, ctx)));
      }
      if (done.cause() instanceof Rejected rejected && rejected.rejection() instanceof Rejection.Unfinished) {
        // the lease went to a sweeper while the step was retried: the saga ends there, not here
        return unfinished();
      }
      Problem problem = Problems.from(done.cause());
      if (step.afterCapture()) {
        return pastCapture(saga, secrets, problem);
      }
      if (step == Step.CAPTURE && !SagaRules.definite(problem.status())) {
        LOG.warn("Capture of checkout {} unanswered, left to the sweepers: {}", saga.id(), problem.detail());
        return unfinished();
      }
      Problem answer = new Problem(ErrorCode.ofStatus(SagaRules.answerStatus(step, problem.status())),
          problem.detail(), problem.errors(), null, problem.extensions());
      return fail(saga, step, SagaRules.definite(problem.status()), answer);
    });
  }

  /** Starts (or goes on with) the compensation of a saga stopped at {@code step}, answering {@code failure}. */
  public Future<Reply> fail(SagaRecord saga, Step step, boolean refused, Problem failure) {
    return fail(saga, step, refused, failure, false);
  }

  /** The compensation of a saga whose runner stopped somewhere before the capture (a sweeper's). */
  public Future<Reply> failInterrupted(SagaRecord saga, Problem failure) {
    return fail(saga, saga.step(), false, failure, true);
  }

  private Future<Reply> fail(SagaRecord saga, Step step, boolean refused, Problem failure, boolean interrupted) {
    JsonObject ctx = saga.context().copy().put("failure", failure.toJson()).put("refused", refused)
        .put("interrupted", interrupted);
    SagaRecord compensating = saga.at(step, SagaState.COMPENSATING, ctx);
    Reply answer = new Reply(failure.status(), failure.toJson(), false);
    // the failure is the answer even when the compensation must be finished by a sweeper
    return persist(compensating).compose(saved -> compensate(saved, answer).otherwise(answer));
  }

  /** Runs the compensations of a compensating saga, then ends it with its stored failure. */
  public Future<Reply> compensate(SagaRecord saga, Reply answer) {
    List<Compensation> undo = saga.context().getBoolean("interrupted", false) ? SagaRules.interrupted()
        : SagaRules.compensations(saga.step(), saga.context().getBoolean("refused", false));
    Future<Void> chain = Future.succeededFuture();
    for (Compensation compensation : undo) {
      chain = chain.compose(v -> steps.undo(compensation, saga).<Void>mapEmpty().recover(failure -> {
        Problem problem = Problems.from(failure);
        // 404/409: nothing of it exists, or it is already undone
        return SagaRules.definite(problem.status()) ? Future.succeededFuture()
            : Future.failedFuture(failure);
      }));
    }
    return chain.compose(v -> finish(saga, answer, "checkout.failed", failedEvent(saga, answer)))
        .onFailure(failure -> LOG.warn("Compensation of checkout {} incomplete, left to the sweepers: {}", saga.id(),
            failure.toString()));
  }

  private Future<Reply> pastCapture(SagaRecord saga, Secrets secrets, Problem problem) {
    if (saga.step() == Step.COMMIT && problem.status() == 409) {
      return soldOut(saga, problem);
    }
    if (SagaRules.definite(problem.status())) {
      // refused for good: retrying cannot help and undoing is not allowed any more
      LOG.error("Checkout {}: step {} refused after the capture ({} {}); going on without it", saga.id(),
          saga.step().key(), problem.status(), problem.detail());
      JsonObject ctx = saga.context().copy().put("skipped", saga.context().getJsonArray("skipped",
          new io.vertx.core.json.JsonArray()).copy().add(saga.step().key()));
      return saga.step().next().map(next -> persist(saga.at(next, SagaState.RUNNING, ctx))
              .compose(saved -> forward(saved, secrets)))
          .orElseGet(() -> complete(saga.at(saga.step(), SagaState.RUNNING, ctx)));
    }
    LOG.warn("Checkout {}: step {} unanswered after the capture, left to the sweepers: {}", saga.id(),
        saga.step().key(), problem.detail());
    return unfinished();
  }

  /**
   * The sale cannot be recorded: the saga was held up past its reservation's expiry and the units
   * were sold to others since (inventory sells an expired reservation's units when they are still
   * free). The paid order is cancelled, which refunds the payment (ordering's follow-up of the
   * cancellation), and the checkout fails with 409. A repeat, by this runner or a sweeper, finds the
   * order cancelled already.
   */
  private Future<Reply> soldOut(SagaRecord saga, Problem problem) {
    LOG.warn("Checkout {}: the units were gone when the sale was recorded ({}); order {} is cancelled and refunded",
        saga.id(), problem.detail(), saga.orderId());
    Problem failure = new Problem(ErrorCode.CONFLICT, "The units held for this checkout ran out before the sale"
        + " was recorded; the order is cancelled and the payment refunded.", List.of());
    Reply answer = new Reply(failure.status(), failure.toJson(), false);
    SagaRecord failed = saga.at(saga.step(), SagaState.RUNNING, saga.context().copy().put("failure", failure.toJson()));
    return steps.cancelSoldOut(saga)
        .recover(cancel -> {
          LOG.warn("Checkout {}: cancelling sold-out order {} unanswered, left to the sweepers: {}", saga.id(),
              saga.orderId(), cancel.toString());
          return unfinished();
        })
        .compose(cancelled -> finish(failed, answer, "checkout.failed", failedEvent(failed, answer)));
  }

  private Future<JsonObject> attempt(Step step, SagaRecord saga, Secrets secrets, int tries) {
    Future<JsonObject> tried;
    try {
      tried = steps.run(step, saga, secrets);
    } catch (RuntimeException e) {
      tried = Future.failedFuture(e);
    }
    if (!step.afterCapture() && step != Step.CAPTURE) {
      return tried;
    }
    return tried.recover(failure -> {
      if (tries >= settings.forwardAttempts() || SagaRules.definite(Problems.from(failure).status())) {
        return Future.failedFuture(failure);
      }
      Promise<Void> later = Promise.promise();
      vertx.setTimer(settings.retryDelayMs(), id -> later.complete());
      // the lease is renewed before each retry, so no sweeper takes a saga that is still trying
      return later.future().compose(v -> persist(saga)).compose(saved -> attempt(step, saved, secrets, tries + 1));
    });
  }

  private Future<Reply> complete(SagaRecord saga) {
    JsonObject order = saga.context().getJsonObject("order");
    Reply answer = new Reply(201, order, false);
    return finish(saga, answer, "checkout.completed", new JsonObject().put("checkoutId", saga.id().toString())
        .put("orderId", saga.orderId().toString()).put("cartId", saga.cartId().toString())
        .put("customerId", saga.customer()).put("paymentId", saga.paymentId().toString())
        .put("reservationId", saga.reservationId().toString())
        .put("total", saga.context().getJsonObject("quote").getJsonObject("total")));
  }

  private Future<Reply> finish(SagaRecord saga, Reply answer, String event, JsonObject data) {
    SagaState end = answer.status() == 201 ? SagaState.COMPLETED : SagaState.FAILED;
    return sagas.finish(saga.at(saga.step(), end, saga.context()), answer.toJson(), event, data, clock.instant())
        .compose(owned -> owned ? Future.succeededFuture(answer) : unfinished());
  }

  private static JsonObject failedEvent(SagaRecord saga, Reply answer) {
    return new JsonObject().put("checkoutId", saga.id().toString()).put("orderId", saga.orderId().toString())
        .put("cartId", saga.cartId().toString()).put("customerId", saga.customer())
        .put("step", saga.step().key()).put("status", answer.status())
        .put("detail", answer.body().getString("detail"));
  }

  private Future<SagaRecord> persist(SagaRecord saga) {
    Instant now = clock.instant();
    return sagas.advance(saga, now, now.plusMillis(settings.sagaLeaseMs()))
        .compose(owned -> owned ? Future.succeededFuture(saga) : unfinished());
  }

  private static <T> Future<T> unfinished() {
    return Future.failedFuture(new Rejected(new Rejection.Unfinished()));
  }
}
