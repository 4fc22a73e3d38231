package org.emporium.edge.api;

import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.emporium.platform.eventbus.RequestIds;

/**
 * Requests the HTTP codec could not even parse (a head over {@code http.maxHeaderSize}, an
 * overlong request line, garbage) get problem JSON too, and the connection is closed.
 */
final class InvalidRequests implements Handler<HttpServerRequest> {

  private final SecurityHeaders securityHeaders;

  InvalidRequests(SecurityHeaders securityHeaders) {
    this.securityHeaders = securityHeaders;
  }

  @Override
  public void handle(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    Problem problem;
    if (cause instanceof TooLongHttpHeaderException) {
      problem = Problem.of(ErrorCode.HEADERS_TOO_LARGE, "The request headers are larger than this server accepts.");
    } else if (cause instanceof TooLongHttpLineException || cause instanceof TooLongFrameException) {
      problem = Problem.of(ErrorCode.BAD_REQUEST, "The request line is longer than this server accepts.");
    } else {
      problem = Problem.of(ErrorCode.BAD_REQUEST, "The request is not valid HTTP.");
    }
    String requestId = RequestIds.accept(null);
    securityHeaders.apply(request.response());
    request.response()
        .setStatusCode(problem.status())
        .putHeader("Content-Type", Problem.MEDIA_TYPE)
        .putHeader(RequestIds.HTTP_HEADER, requestId)
        .putHeader("Connection", "close")
        .end(problem.toJson(null, requestId).encode())
        .onComplete(done -> request.connection().close());
  }
}
