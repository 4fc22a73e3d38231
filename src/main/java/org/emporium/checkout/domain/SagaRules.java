package org.emporium.checkout.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The saga's decisions, free of any I/O: what a failure at a given step must undo, and what a
 * recovered saga does next.
 */
public final class SagaRules {

  private SagaRules() {
  }

  /**
   * The compensations, in the order to run them, for a saga that stopped at {@code step}.
   * {@code refused} says the step itself was definitely refused (nothing of it exists); otherwise
   * (a timeout, a crash) it may have taken effect and is undone too. Undoing something that never
   * happened is harmless: every compensation is idempotent and accepts an unknown id.
   */
  public static List<Compensation> compensations(Step step, boolean refused) {
    if (step.afterCapture()) {
      throw new IllegalStateException("a captured saga only goes forward, it is at " + step);
    }
    List<Compensation> undo = new ArrayList<>();
    int last = refused ? step.ordinal() - 1 : step.ordinal();
    for (int i = Math.min(last, Step.PLACE.ordinal()); i >= 0; i--) {
      Step.values()[i].compensation().ifPresent(undo::add);
    }
    return undo;
  }

  /**
   * Whether the saga's row must say it reached {@code next} before that step runs. Only two points
   * matter to a sweeper: the capture (it may have been sent: ask it again) and the first step after
   * it (captured: only forward). Before the capture a sweeper undoes everything
   * ({@link #interrupted()}), and after it every step is repeated safely, so the steps between go
   * unwritten (the runner still writes when its lease is half spent).
   */
  public static boolean durableBefore(Step next) {
    return next == Step.CAPTURE || next == Step.MARK_PAID;
  }

  /**
   * What a sweeper undoes for a saga interrupted before the capture: everything the steps before
   * it may have done, since its row may name an earlier step than the one that ran.
   */
  public static List<Compensation> interrupted() {
    return compensations(Step.PLACE, false);
  }

  /** What a sweeper does with a saga whose lease ran out. */
  public static Recovery recover(SagaState state, Step step) {
    if (state.ended()) {
      return Recovery.NOTHING;
    }
    if (state == SagaState.COMPENSATING) {
      return Recovery.COMPENSATE;
    }
    if (step.afterCapture()) {
      return Recovery.FORWARD;
    }
    // capture may have been sent: asking again (idempotent) tells which way to go
    return step == Step.CAPTURE ? Recovery.RETRY_CAPTURE : Recovery.COMPENSATE;
  }

  /** A recovered saga's way. */
  public enum Recovery {
    NOTHING,
    FORWARD,
    RETRY_CAPTURE,
    COMPENSATE
  }

  /**
   * The status a checkout answers for a step's refusal with {@code status}: a dependency that did
   * not answer (504) or was unavailable is 503; an unknown SKU is out of stock (409).
   */
  public static int answerStatus(Step step, int status) {
    if (status == 504 || status >= 500) {
      return 503;
    }
    if (step == Step.RESERVE && (status == 404 || status == 409)) {
      return 409;
    }
    return status;
  }

  /** True when a refusal with {@code status} says the step surely did nothing (not a timeout or an outage). */
  public static boolean definite(int status) {
    return status >= 400 && status < 500 && status != 408 && status != 429;
  }
}
