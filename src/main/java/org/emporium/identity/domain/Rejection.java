package org.emporium.identity.domain;

import java.util.List;

/** Why the issuer refuses a request: values, turned into problems in one place at the edge of the context. */
public sealed interface Rejection {

  /** Fields that break the rules (400). */
  record Invalid(List<FieldProblem> fields) implements Rejection {
  }

  /** Another account has this email (409). */
  record EmailTaken() implements Rejection {
  }

  /** Unknown email or wrong password, told apart by nothing (401). */
  record WrongCredentials() implements Rejection {
  }

  /** A refresh token that is unknown, expired, used or of a revoked session (401). */
  record RefreshRefused() implements Rejection {
  }

  /** Too many sign-in attempts in the current window (429). */
  record TooManyAttempts(String detail, long retryAfterSeconds) implements Rejection {
  }

  /** No account with this id (404). */
  record AccountNotFound() implements Rejection {
  }

  /** Well-formed but against a rule of the account (422). */
  record NotAllowed(String detail, List<FieldProblem> fields) implements Rejection {
  }

  /** A dependency the issuer needs is down (503). */
  record Unavailable(String detail) implements Rejection {
  }

  /** One offending field, as a JSON pointer into the request body. */
  record FieldProblem(String pointer, String message) {
  }

  /** The rejection as a failure to carry through a future. */
  default Rejected toException() {
    return new Rejected(this);
  }
}
