package org.emporium.edge.grpc;

import com.google.protobuf.Descriptors;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.grpc.common.ServiceName;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.GrpcServerRequest;
import io.vertx.grpc.server.Service;
import org.emporium.edge.auth.Authenticator;
import org.emporium.edge.grpc.checkout.v1.CheckoutServiceGrpcService;
import org.emporium.edge.grpc.checkout.v1.PlaceOrderRequest;
import org.emporium.edge.grpc.checkout.v1.PlacedOrder;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.Problems;
import org.emporium.platform.eventbus.ForwardedRequest;
import org.emporium.platform.eventbus.RequestIds;
import org.emporium.platform.eventbus.SharedJson;

/**
 * gRPC {@code emporium.checkout.v1.CheckoutService/PlaceOrder}: forwards to {@code checkout.start}
 * like the REST operation, with the request's idempotency key as the {@code Idempotency-Key} header
 * and the {@code x-cart-token} metadata as the guest's proof; the token is optional.
 */
public final class CheckoutGrpcService implements Service {

  private final Vertx vertx;
  private final Authenticator authenticator;
  private final long timeoutMs;

  public CheckoutGrpcService(Vertx vertx, Authenticator authenticator, long timeoutMs) {
    this.vertx = vertx;
    this.authenticator = authenticator;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public ServiceName name() {
    return CheckoutServiceGrpcService.SERVICE_NAME;
  }

  @Override
  public Descriptors.ServiceDescriptor descriptor() {
    return CheckoutServiceGrpcService.SERVICE_DESCRIPTOR;
  }

  @Override
  public void bind(GrpcServer server) {
    server.callHandler(CheckoutServiceGrpcService.PlaceOrder, this::placeOrder);
  }

  private void placeOrder(GrpcServerRequest<PlaceOrderRequest, PlacedOrder> request) {
    RequestIds.bind(Vertx.currentContext(), RequestIds.accept(request.headers().get(RequestIds.BUS_HEADER)));
    String authorization = request.headers().get("authorization");
    JsonObject headers = new JsonObject();
    if (request.headers().get("x-cart-token") != null) {
      headers.put("x-cart-token", request.headers().get("x-cart-token"));
    }
    RequestMessages.read(request)
        .compose(message -> caller(authorization).compose(caller -> {
          headers.put("idempotency-key", message.getIdempotencyKey());
          JsonObject envelope = ForwardedRequest.envelope("checkout", new JsonObject(), new JsonObject(), headers,
              CheckoutMessages.body(message), caller, request.connection() == null ? null
                  : request.connection().remoteAddress().hostAddress());
          return vertx.eventBus().<JsonObject>request("checkout.start", envelope,
              SharedJson.use(RequestIds.deliveryOptions(timeoutMs))).map(Message::body);
        }))
        .compose(reply -> {
          int status = reply.getInteger("status", 200);
          if (status >= 400) {
            // a refusal replayed for its key: the same status as the first time
            return Future.failedFuture(Problem.fromJson(status, reply.getJsonObject("body")).toException());
          }
          return Future.succeededFuture(CheckoutMessages.order(reply.getJsonObject("body"),
              "true".equals(reply.getJsonObject("headers", new JsonObject()).getString("Idempotent-Replayed"))));
        })
        .onSuccess(order -> request.response().end(order))
        .onFailure(failure -> {
          Problem problem = Problems.from(failure);
          request.response().status(problem.code().grpcStatus()).statusMessage(StatusMessages.of(problem)).end();
        });
  }

  private Future<Principal> caller(String authorization) {
    return authorization == null ? Future.succeededFuture() : authenticator.authenticate(authorization);
  }
}
