package org.emporium.edge.grpc;

import io.vertx.core.Future;
import io.vertx.grpc.server.GrpcServerRequest;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;

/**
 * The one message of a unary call. Bytes that are not a message of the method's type (or no
 * message at all) make vertx-grpc fail the read with a codec or null-pointer exception: that is
 * the caller's fault, so the call ends with INVALID_ARGUMENT instead of INTERNAL.
 */
final class RequestMessages {

  private RequestMessages() {
  }

  static <T> Future<T> read(GrpcServerRequest<T, ?> request) {
    return request.last().recover(failure -> Future.failedFuture(Problem.of(ErrorCode.BAD_REQUEST,
        "The request is not one " + request.fullMethodName() + " message.").toException()));
  }
}
