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
      fromStatus(rc);
    }
  }

  void fromStatus(RoutingContext rc) {
    int status = rc.statusCode() > 0 ? rc.statusCode() : 500;
    send(rc, Problems.from(new HttpException(status)));
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
