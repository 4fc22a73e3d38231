package org.emporium.edge.auth;

import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.ProblemException;

/**
 * Why a request was not authenticated: the metric tag and the problem the caller gets. Details
 * say what is wrong with the token, never how the edge checked it.
 */
public enum AuthFailure {
  MISSING_TOKEN("missing_token", ErrorCode.UNAUTHENTICATED,
      "This operation needs an access token: Authorization: Bearer <token>."),
  MALFORMED_HEADER("malformed_header", ErrorCode.UNAUTHENTICATED,
      "The Authorization header must be 'Bearer <access token>'."),
  MALFORMED_TOKEN("malformed_token", ErrorCode.UNAUTHENTICATED, "The access token is not a well-formed signed JWT."),
  ALGORITHM("algorithm", ErrorCode.UNAUTHENTICATED, "The access token's signing algorithm is not accepted."),
  ISSUER("issuer", ErrorCode.UNAUTHENTICATED, "The access token's issuer is not trusted."),
  AUDIENCE("audience", ErrorCode.UNAUTHENTICATED, "The access token is not meant for this service."),
  EXPIRED("expired", ErrorCode.UNAUTHENTICATED, "The access token has expired."),
  NOT_YET_VALID("not_yet_valid", ErrorCode.UNAUTHENTICATED, "The access token is not valid yet."),
  CLAIMS("claims", ErrorCode.UNAUTHENTICATED, "The access token lacks a required claim."),
  UNKNOWN_KEY("unknown_key", ErrorCode.UNAUTHENTICATED, "The access token is signed with an unknown key."),
  SIGNATURE("signature", ErrorCode.UNAUTHENTICATED, "The access token's signature is not valid."),
  // the issuer cannot be asked for its keys: the token may be fine, so this is not a 401
  ISSUER_UNAVAILABLE("issuer_unavailable", ErrorCode.UNAVAILABLE, "The token issuer cannot be reached right now.");

  private final String tag;
  private final ErrorCode code;
  private final String detail;

  AuthFailure(String tag, ErrorCode code, String detail) {
    this.tag = tag;
    this.code = code;
    this.detail = detail;
  }

  /** The value of the {@code reason} tag of {@code emporium.auth.failures}. */
  public String tag() {
    return tag;
  }

  public ProblemException toException() {
    return Problem.of(code, detail).toException();
  }

  /** Thrown inside token validation; {@link OidcAuthenticator} turns it into the problem. */
  static final class Rejected extends RuntimeException {

    private final AuthFailure reason;

    Rejected(AuthFailure reason) {
      super(reason.tag, null, false, false);
      this.reason = reason;
    }

    AuthFailure reason() {
      return reason;
    }
  }

  Rejected rejected() {
    return new Rejected(this);
  }
}
