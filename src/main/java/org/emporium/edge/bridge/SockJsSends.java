package org.emporium.edge.bridge;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;

/**
 * Checks the body of a SockJS send ({@code POST .../xhr_send}) before SockJS does: it answers an
 * empty body or one that is not a JSON array with 500 ("Payload expected.", "Broken JSON
 * encoding."), as the SockJS protocol has it, though the fault is the client's. Here it is a 400
 * problem.
 */
final class SockJsSends implements Handler<RoutingContext> {

  @Override
  public void handle(RoutingContext rc) {
    Buffer body = rc.body() == null ? null : rc.body().buffer();
    if (body != null && body.length() > 0 && isArray(body)) {
      rc.next();
      return;
    }
    Problem problem = Problem.of(ErrorCode.BAD_REQUEST, "A SockJS send is a JSON array of frames.");
    rc.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
        .end(problem.toJson(rc.request().path(), null).encode());
  }

  private static boolean isArray(Buffer body) {
    try {
      return Json.decodeValue(body) instanceof JsonArray;
    } catch (DecodeException e) {
      return false;
    }
  }
}
