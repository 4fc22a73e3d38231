package org.emporium.customer.api;

import org.emporium.customer.application.Rejected;
import org.emporium.customer.domain.Rejection;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.ProblemException;
import org.emporium.platform.error.Problems;

/** The one place where the customer context's rejections become problems (HTTP, gRPC, event bus). */
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
    Rejection.AddressBookFull full = (Rejection.AddressBookFull) rejection;
    return Problem.of(ErrorCode.UNPROCESSABLE,
        "The address book is full: at most " + full.max() + " addresses. Delete one first.");
  }

  /** Any failure as a problem carrier: rejections mapped here, the rest as {@link Problems} does. */
  static ProblemException of(Throwable failure) {
    if (failure instanceof Rejected rejected) {
      return problem(rejected.rejection()).toException();
    }
    return Problems.from(failure).toException();
  }
}
