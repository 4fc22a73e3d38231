package org.emporium.catalog.api;

import org.emporium.catalog.application.Rejected;
import org.emporium.catalog.domain.Rejection;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.ProblemException;
import org.emporium.platform.error.Problems;

/** The one place where the catalog's rejections become problems (HTTP, gRPC, event bus). */
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
    if (rejection instanceof Rejection.Unusable unusable) {
      return Problem.of(ErrorCode.UNPROCESSABLE, unusable.detail());
    }
    return Problem.of(ErrorCode.FORBIDDEN, ((Rejection.Forbidden) rejection).detail());
  }

  static ProblemException of(Throwable failure) {
    if (failure instanceof Rejected rejected) {
      return problem(rejected.rejection()).toException();
    }
    return Problems.from(failure).toException();
  }
}
