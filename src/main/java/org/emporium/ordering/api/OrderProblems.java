package org.emporium.ordering.api;

import org.emporium.ordering.application.Rejected;
import org.emporium.ordering.domain.Rejection;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.ProblemException;
import org.emporium.platform.error.Problems;

/** The one place where the ordering context's rejections become problems (HTTP, gRPC, event bus). */
final class OrderProblems {

  private OrderProblems() {
  }

  static Problem problem(Rejection rejection) {
    if (rejection instanceof Rejection.Invalid invalid) {
      return Problem.invalid("The request is not valid.", invalid.violations().stream()
          .map(v -> new Problem.FieldError(v.field(), v.message())).toList());
    }
    if (rejection instanceof Rejection.NotFound notFound) {
      return Problem.of(ErrorCode.NOT_FOUND, notFound.detail());
    }
    return Problem.of(ErrorCode.CONFLICT, ((Rejection.Conflict) rejection).detail());
  }

  static ProblemException of(Throwable failure) {
    if (failure instanceof Rejected rejected) {
      return problem(rejected.rejection()).toException();
    }
    return Problems.from(failure).toException();
  }
}
