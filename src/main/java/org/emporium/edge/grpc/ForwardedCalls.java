package org.emporium.edge.grpc;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.server.GrpcServerRequest;
import org.emporium.edge.auth.Authenticator;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.Problems;
import org.emporium.platform.eventbus.ForwardedRequest;
import org.emporium.platform.eventbus.RequestIds;
import org.emporium.platform.eventbus.SameLoop;
import org.emporium.platform.eventbus.SharedJson;

import java.util.List;
import java.util.function.Function;

/**
 * Serves unary gRPC calls the way the REST edge serves operations: the {@code authorization}
 * metadata goes through the same {@link Authenticator}, the operation's permission is checked, and
 * the same forwarded-request envelope goes to the same event-bus address, with a timeout. The
 * reply's body becomes the response message; a failure becomes the gRPC status of its problem.
 */
final class ForwardedCalls {

  private final Vertx vertx;
  private final Authenticator authenticator;
  private final long timeoutMs;

  ForwardedCalls(Vertx vertx, Authenticator authenticator, long timeoutMs) {
    this.vertx = vertx;
    this.authenticator = authenticator;
    this.timeoutMs = timeoutMs;
  }

  /** What a call forwards besides the caller: the REST operation's path and query parameters and body. */
  record Forward(JsonObject path, JsonObject query, JsonObject body) {

    static Forward none() {
      return new Forward(new JsonObject(), new JsonObject(), null);
    }

    static Forward body(JsonObject body) {
      return new Forward(new JsonObject(), new JsonObject(), body);
    }

    static Forward path(String name, String value) {
      return new Forward(new JsonObject().put(name, value), new JsonObject(), null);
    }

    static Forward query(JsonObject query) {
      return new Forward(new JsonObject(), query, null);
    }

    Forward withBody(JsonObject newBody) {
      return new Forward(path, query, newBody);
    }
  }

  /**
   * A handler for one method, forwarding to the REST operation {@code operation} at {@code address}.
   * A null {@code permission} makes the token optional, as for public reads.
   */
  <Req, Resp> Handler<GrpcServerRequest<Req, Resp>> unary(String operation, String address, String permission,
      Function<Req, Forward> forward, Function<JsonObject, Resp> response) {
    return unary(operation, address, permission, List.of(), forward, response);
  }

  /** As above, also forwarding the metadata entries named in {@code headers} (lower case) as the REST headers. */
  <Req, Resp> Handler<GrpcServerRequest<Req, Resp>> unary(String operation, String address, String permission,
      List<String> headers, Function<Req, Forward> forward, Function<JsonObject, Resp> response) {
    return request -> {
      RequestIds.bind(Vertx.currentContext(), RequestIds.accept(request.headers().get(RequestIds.BUS_HEADER)));
      JsonObject forwarded = new JsonObject();
      headers.forEach(name -> {
        String value = request.headers().get(name);
        if (value != null) {
          forwarded.put(name, value);
        }
      });
      RequestMessages.read(request)
          .compose(message -> caller(request.headers().get("authorization"), permission)
              .compose(caller -> send(request, operation, address, caller, forwarded, forward.apply(message))))
          .map(response)
          .onSuccess(message -> request.response().end(message))
          .onFailure(failure -> {
            Problem problem = Problems.from(failure);
            request.response().status(problem.code().grpcStatus()).statusMessage(StatusMessages.of(problem)).end();
          });
    };
  }

  private Future<Principal> caller(String authorization, String permission) {
    if (permission == null && authorization == null) {
      return Future.succeededFuture();
    }
    return authenticator.authenticate(authorization).compose(caller -> permitted(caller, permission));
  }

  private static Future<Principal> permitted(Principal caller, String permission) {
    if (permission == null) {
      return Future.succeededFuture(caller);
    }
    return caller.has(permission) ? Future.succeededFuture(caller)
        : Future.failedFuture(Problem.of(ErrorCode.FORBIDDEN, "You are not allowed to do this.").toException());
  }

  private Future<JsonObject> send(GrpcServerRequest<?, ?> request, String operation, String address,
      Principal caller, JsonObject headers, Forward forward) {
    JsonObject envelope = ForwardedRequest.envelope(operation, forward.path(), forward.query(), headers,
        forward.body(), caller, clientIp(request));
    return SameLoop.<JsonObject>request(vertx.eventBus(), address, envelope,
        SharedJson.use(RequestIds.deliveryOptions(timeoutMs)))
        .map(Message::body)
        .map(reply -> reply.getJsonObject("body", new JsonObject()));
  }

  private static String clientIp(GrpcServerRequest<?, ?> request) {
    SocketAddress remote = request.connection() == null ? null : request.connection().remoteAddress();
    return remote == null ? null : remote.hostAddress();
  }
}
