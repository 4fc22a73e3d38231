package org.emporium.edge.grpc;

import io.vertx.core.Future;
import io.vertx.grpc.common.InvalidMessageException;
import io.vertx.grpc.common.MessageSizeOverflowException;
import io.vertx.grpc.server.GrpcServerRequest;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;

/**
 * The one message of a unary call. Bytes that are not a message of the method's type (or no
 * message at all) make vertx-grpc fail the read with a codec or null-pointer exception: that is
 * the caller's fault, so the call ends with INVALID_ARGUMENT instead of INTERNAL. A message over
 * the server's size limit ends RESOURCE_EXHAUSTED, answered here once: left to vertx-grpc, it
 * answered by itself and the handler's own answer then failed on the closed stream.
 */
final class RequestMessages {

  private RequestMessages() {
  }

  static <T> Future<T> read(GrpcServerRequest<T, ?> request) {
    InvalidMessageException[] invalid = new InvalidMessageException[1];
    request.invalidMessageHandler(e -> invalid[0] = e);
    return request.last().recover(failure -> Future.failedFuture((invalid[0] instanceof MessageSizeOverflowException
        ? Problem.of(ErrorCode.PAYLOAD_TOO_LARGE, "The request message is larger than this server accepts.")
        : Problem.of(ErrorCode.BAD_REQUEST, "The request is not one " + request.fullMethodName() + " message."))
        .toException()));
  }
}
