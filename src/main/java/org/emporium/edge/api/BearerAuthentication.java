package org.emporium.edge.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.emporium.edge.auth.Authenticator;
import org.emporium.edge.pipeline.Step;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.Problems;

/**
 * Authenticates a REST request as its operation asks, before the request is validated: a sent
 * token must be valid (401), a bearer-only operation needs one (401), and the caller must hold
 * the operation's permission (403). Operations that declare no security ignore credentials. The
 * caller goes to {@link BusForwarder} under {@link #PRINCIPAL}.
 */
final class BearerAuthentication implements Step {

  static final String PRINCIPAL = "emporium.principal";

  private final Authenticator authenticator;
  private final OperationSecurity security;

  BearerAuthentication(Authenticator authenticator, OperationSecurity security) {
    this.authenticator = authenticator;
    this.security = security;
  }

  @Override
  public void handle(RoutingContext rc, Runnable next) {
    String authorization = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (!security.tokenAccepted() || (authorization == null && !security.tokenRequired())) {
      next.run();
      return;
    }
    authenticator.authenticate(authorization).onComplete(done -> {
      if (done.failed()) {
        if (Problems.from(done.cause()).code() == ErrorCode.UNAUTHENTICATED) {
          // RFC 6750: no error code when the request carried no credentials at all
          challenge(rc, authorization == null ? "Bearer" : "Bearer error=\"invalid_token\"");
        }
        rc.fail(done.cause());
      } else if (security.permission() != null && !done.result().has(security.permission())) {
        challenge(rc, "Bearer error=\"insufficient_scope\"");
        rc.fail(Problem.of(ErrorCode.FORBIDDEN, "Your roles do not allow this operation.").toException());
      } else {
        rc.put(PRINCIPAL, done.result());
        next.run();
      }
    });
  }

  static Principal principal(RoutingContext rc) {
    return rc.get(PRINCIPAL);
  }

  static java.util.UUID customerId(RoutingContext rc) {
    Principal principal = principal(rc);
    return principal == null ? null : principal.customerId();
  }

  private static void challenge(RoutingContext rc, String value) {
    rc.response().putHeader("WWW-Authenticate", value);
  }
}
