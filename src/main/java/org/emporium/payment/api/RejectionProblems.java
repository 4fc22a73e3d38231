package org.emporium.payment.api;

import org.emporium.payment.application.Rejected;
import org.emporium.payment.domain.Rejection;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.ProblemException;
import org.emporium.platform.error.Problems;

/** The one place where the payment context's rejections become problems (HTTP, gRPC, event bus). */
final class RejectionProblems {

  private RejectionProblems() {
  }

  static Problem problem(Rejection rejection) {
    if (rejection instanceof Rejection.Invalid invalid) {
      return Problem.invalid("The request is not valid.", invalid.violations().stream()
          .map(v -> new Problem.FieldError(v.field(), v.message())).toList());
    }
    if (rejection instanceof Rejection.NotFound notFound) {
      return Problem.of(ErrorCode.NOT_FOUND, notFound.detail());
    }
    if (rejection instanceof Rejection.Conflict conflict) {
      return Problem.of(ErrorCode.CONFLICT, conflict.detail());
    }
    if (rejection instanceof Rejection.Declined declined) {
      // the reason lets a caller tell a decline from missing funds (declined, insufficient_funds)
      return Problem.of(ErrorCode.PAYMENT_REQUIRED, declined.reason().detail()).with("reason", declined.reason().wire());
    }
    if (rejection instanceof Rejection.ExceedsCapture exceeds) {
      return Problem.of(ErrorCode.UNPROCESSABLE, "A refund of " + exceeds.requested() + " would exceed what was"
          + " captured and not refunded yet (" + exceeds.refundable() + ").");
    }
    if (rejection instanceof Rejection.BadSignature bad) {
      return Problem.of(ErrorCode.UNAUTHENTICATED, bad.detail());
    }
    return Problem.of(ErrorCode.UNAVAILABLE, ((Rejection.Unavailable) rejection).detail());
  }

  /** Any failure as a problem carrier: rejections mapped here, the rest as {@link Problems} does. */
  static ProblemException of(Throwable failure) {
    if (failure instanceof Rejected rejected) {
      return problem(rejected.rejection()).toException();
    }
    return Problems.from(failure).toException();
  }
}
