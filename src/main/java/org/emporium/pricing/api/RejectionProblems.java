package org.emporium.pricing.api;

import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.emporium.pricing.application.Rejected;
import org.emporium.pricing.domain.Rejection;
import org.emporium.pricing.domain.Violation;

import java.util.List;

/** The one place where pricing's rejections become problems (HTTP, gRPC, event bus). */
final class RejectionProblems {

  private RejectionProblems() {
  }

  static Problem problem(Rejection rejection) {
    if (rejection instanceof Rejection.Invalid invalid) {
      return Problem.invalid(invalid.detail(), fields(invalid.violations()));
    }
    Rejection.Unprocessable unprocessable = (Rejection.Unprocessable) rejection;
    return new Problem(ErrorCode.UNPROCESSABLE, unprocessable.detail(), fields(unprocessable.violations()));
  }

  /** A rejection as its problem; any other failure as it is (for {@code BusEndpoints}). */
  static Throwable of(Throwable failure) {
    return failure instanceof Rejected rejected ? problem(rejected.rejection()).toException() : failure;
  }

  private static List<Problem.FieldError> fields(List<Violation> violations) {
    return violations.stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList();
  }
}
