package org.emporium.pricing.api;

import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.emporium.pricing.application.Refused;
import org.emporium.pricing.domain.Refusal;
import org.emporium.pricing.domain.Violation;

import java.util.List;

/** The one place where pricing's refusals become problems (HTTP, gRPC, event bus). */
final class RefusalProblems {

  private RefusalProblems() {
  }

  static Problem problem(Refusal refusal) {
    if (refusal instanceof Refusal.Invalid invalid) {
      return Problem.invalid(invalid.detail(), fields(invalid.violations()));
    }
    Refusal.Unprocessable unprocessable = (Refusal.Unprocessable) refusal;
    return new Problem(ErrorCode.UNPROCESSABLE, unprocessable.detail(), fields(unprocessable.violations()));
  }

  /** A refusal as its problem; any other failure as it is (for {@code BusEndpoints}). */
  static Throwable of(Throwable failure) {
    return failure instanceof Refused refused ? problem(refused.refusal()).toException() : failure;
  }

  private static List<Problem.FieldError> fields(List<Violation> violations) {
    return violations.stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList();
  }
}
