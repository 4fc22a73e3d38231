package org.emporium.edge.grpc;

import io.vertx.core.Future;
import org.emporium.edge.auth.Authenticator;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;

import java.util.Map;

/**
 * Stands in for the edge's token validation (tested on its own): fixed bearer tokens name fixed
 * callers; anything else fails as the real one does, with a 401 problem.
 */
final class TokenAuthenticator implements Authenticator {

  private final Map<String, Principal> callers;

  TokenAuthenticator(Map<String, Principal> callers) {
    this.callers = Map.copyOf(callers);
  }

  @Override
  public Future<Principal> authenticate(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return Future.failedFuture(Problem.of(ErrorCode.UNAUTHENTICATED, "A bearer token is required.").toException());
    }
    Principal caller = callers.get(authorization.substring("Bearer ".length()));
    return caller == null
        ? Future.failedFuture(Problem.of(ErrorCode.UNAUTHENTICATED, "The token is not valid.").toException())
        : Future.succeededFuture(caller);
  }
}
