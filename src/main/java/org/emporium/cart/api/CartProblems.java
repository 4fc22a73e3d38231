package org.emporium.cart.api;

import org.emporium.cart.application.Rejected;
import org.emporium.cart.domain.Rejection;
import org.emporium.cart.domain.Violation;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.Problems;

import java.util.List;

/** The one place where cart rejections become problems (HTTP status, gRPC status, bus failure code). */
final class CartProblems {

  private CartProblems() {
  }

  static Problem problem(Rejection rejection) {
    if (rejection instanceof Rejection.Invalid invalid) {
      return Problem.invalid("The request is not valid.", fields(invalid.violations()));
    }
    if (rejection instanceof Rejection.NotFound notFound) {
      return Problem.of(ErrorCode.NOT_FOUND, notFound.detail());
    }
    if (rejection instanceof Rejection.Unprocessable unprocessable) {
      return new Problem(ErrorCode.UNPROCESSABLE, unprocessable.detail(), fields(unprocessable.violations()));
    }
    return Problem.of(ErrorCode.UNAVAILABLE, ((Rejection.Unavailable) rejection).detail());
  }

  static Throwable of(Throwable failure) {
    if (failure instanceof Rejected rejected) {
      return problem(rejected.rejection()).toException();
    }
    return Problems.from(failure).toException();
  }

  private static List<Problem.FieldError> fields(List<Violation> violations) {
    return violations.stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList();
  }
}
