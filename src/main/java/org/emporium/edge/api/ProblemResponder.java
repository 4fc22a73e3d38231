package org.emporium.edge.api;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.openapi.validation.ValidatorException;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.Problems;
import org.emporium.platform.eventbus.RequestIds;

/** Writes every failure of the REST edge as RFC 9457 problem JSON, never with a stack trace. */
final class ProblemResponder implements Handler<RoutingContext> {

  @Override
  public void handle(RoutingContext rc) {
    Throwable failure = rc.failure();
    if (failure instanceof HttpException http && http.getCause() instanceof ValidatorException invalid) {
      send(rc, ValidationProblems.from(invalid));
    } else if (failure != null) {
      send(rc, Problems.from(failure));
    } else {
      send(rc, Problems.from(new HttpException(rc.statusCode() > 0 ? rc.statusCode() : 500)));
    }
  }

  /**
   * The router's error handler for {@code status}. The router does not always set the context's
   * status code before calling it (a path parameter that is not valid percent-encoding arrives
   * with none), so the status it was registered for decides.
   */
  Handler<RoutingContext> forStatus(int status) {
    return rc -> send(rc, Problems.from(new HttpException(rc.statusCode() > 0 ? rc.statusCode() : status)));
  }

  void send(RoutingContext rc, Problem problem) {
    if (rc.response().headWritten()) {
      rc.response().reset();
      return;
    }
    String requestId = rc.get(RequestIds.BUS_HEADER);
    if (requestId != null) {
      rc.response().putHeader(RequestIds.HTTP_HEADER, requestId);
    }
    if (problem.retryAfterSeconds() != null) {
      rc.response().putHeader("Retry-After", String.valueOf(problem.retryAfterSeconds()));
    }
    rc.response()
        .setStatusCode(problem.status())
        .putHeader("Content-Type", Problem.MEDIA_TYPE)
        .putHeader("X-Content-Type-Options", "nosniff")
        .end(problem.toJson(rc.request().path(), requestId).encode());
  }
}
