package org.emporium.identity.api;

import org.emporium.identity.domain.Rejected;
import org.emporium.identity.domain.Rejection;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;

import java.util.List;

/** The one place where the issuer's rejections become problems (and so HTTP, gRPC and bus failures). */
final class IdentityProblems {

  static final String WRONG_CREDENTIALS = "Email or password is wrong.";

  private IdentityProblems() {
  }

  /** {@code failure} as the edge should see it: rejections as problems, anything else unchanged. */
  static Throwable toFailure(Throwable failure) {
    return failure instanceof Rejected rejected ? problem(rejected.rejection()).toException() : failure;
  }

  static Problem problem(Rejection rejection) {
    if (rejection instanceof Rejection.Invalid invalid) {
      return Problem.invalid("The request is not valid.", fields(invalid.fields()));
    }
    if (rejection instanceof Rejection.EmailTaken) {
      return Problem.of(ErrorCode.CONFLICT, "An account with this email already exists.");
    }
    if (rejection instanceof Rejection.WrongCredentials) {
      return Problem.of(ErrorCode.UNAUTHENTICATED, WRONG_CREDENTIALS);
    }
    if (rejection instanceof Rejection.RefreshRefused) {
      return Problem.of(ErrorCode.UNAUTHENTICATED, "The refresh token is not valid; sign in again.");
    }
    if (rejection instanceof Rejection.TooManyAttempts tooMany) {
      return Problem.tooManyRequests(tooMany.detail(), tooMany.retryAfterSeconds());
    }
    if (rejection instanceof Rejection.AccountNotFound) {
      return Problem.of(ErrorCode.NOT_FOUND, "No account has this id.");
    }
    if (rejection instanceof Rejection.NotAllowed notAllowed) {
      return new Problem(ErrorCode.UNPROCESSABLE, notAllowed.detail(), fields(notAllowed.fields()));
    }
    if (rejection instanceof Rejection.Unavailable unavailable) {
      return Problem.of(ErrorCode.UNAVAILABLE, unavailable.detail());
    }
    throw new IllegalStateException("unmapped rejection " + rejection);
  }

  private static List<Problem.FieldError> fields(List<Rejection.FieldProblem> fields) {
    return fields.stream().map(f -> new Problem.FieldError(f.pointer(), f.message())).toList();
  }
}
