package org.emporium.checkout.api;

import org.emporium.checkout.application.Rejected;
import org.emporium.checkout.domain.Rejection;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;

/** The one place where checkout's rejections become problems. */
final class CheckoutProblems {

  private CheckoutProblems() {
  }

  static Throwable of(Throwable failure) {
    if (!(failure instanceof Rejected rejected)) {
      return failure;
    }
    Rejection rejection = rejected.rejection();
    Problem problem;
    if (rejection instanceof Rejection.Invalid invalid) {
      problem = Problem.invalid("The checkout request is not valid.", invalid.violations().stream()
          .map(v -> new Problem.FieldError(v.field(), v.message())).toList());
    } else if (rejection instanceof Rejection.NotYourCart) {
      problem = Problem.of(ErrorCode.NOT_FOUND, "No such cart: sign in or send the cart's X-Cart-Token.");
    } else if (rejection instanceof Rejection.Forbidden) {
      problem = Problem.of(ErrorCode.FORBIDDEN, "Your roles do not allow placing orders.");
    } else if (rejection instanceof Rejection.KeyReused) {
      problem = Problem.of(ErrorCode.UNPROCESSABLE,
          "This Idempotency-Key was used with another request body; use a new key for a new checkout.");
    } else if (rejection instanceof Rejection.InProgress) {
      problem = Problem.of(ErrorCode.CONFLICT,
          "The checkout with this Idempotency-Key is still in progress; repeat the request shortly.");
    } else if (rejection instanceof Rejection.CartBusy) {
      problem = Problem.of(ErrorCode.CONFLICT, "Another checkout of this cart is in progress.");
    } else {
      problem = Problem.of(ErrorCode.CONFLICT,
          "The checkout is being completed; repeat the request with the same Idempotency-Key for its outcome.");
    }
    return problem.toException();
  }
}
