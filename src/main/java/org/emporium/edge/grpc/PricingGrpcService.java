package org.emporium.edge.grpc;

import com.google.protobuf.Descriptors;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.grpc.common.ServiceName;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.Service;
import org.emporium.edge.auth.Authenticator;
import org.emporium.edge.grpc.ForwardedCalls.Forward;
import org.emporium.edge.grpc.pricing.v1.PricingServiceGrpcService;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.Problems;
import org.emporium.platform.eventbus.RequestIds;

/**
 * gRPC {@code emporium.pricing.v1.PricingService}: {@code Quote} forwards like {@code POST /api/v1/quotes}
 * (a token is optional), {@code Convert} asks {@code pricing.convert}; both with a timeout.
 */
public final class PricingGrpcService implements Service {

  private final Vertx vertx;
  private final ForwardedCalls calls;
  private final long timeoutMs;

  public PricingGrpcService(Vertx vertx, Authenticator authenticator, long timeoutMs) {
    this.vertx = vertx;
    this.calls = new ForwardedCalls(vertx, authenticator, timeoutMs);
    this.timeoutMs = timeoutMs;
  }

  @Override
  public ServiceName name() {
    return PricingServiceGrpcService.SERVICE_NAME;
  }

  @Override
  public Descriptors.ServiceDescriptor descriptor() {
    return PricingServiceGrpcService.SERVICE_DESCRIPTOR;
  }

  @Override
  public void bind(GrpcServer server) {
    server.callHandler(PricingServiceGrpcService.Quote, calls.unary("createQuote", "pricing.createQuote", null,
        request -> Forward.body(PricingMessages.quoteRequest(request)), PricingMessages::quote));
    server.callHandler(PricingServiceGrpcService.Convert, request -> {
      RequestIds.bind(Vertx.currentContext(), RequestIds.accept(request.headers().get(RequestIds.BUS_HEADER)));
      RequestMessages.read(request)
          .compose(message -> vertx.eventBus().<JsonObject>request("pricing.convert",
              PricingMessages.convertRequest(message), RequestIds.deliveryOptions(timeoutMs)))
          .map(Message::body)
          .map(PricingMessages::converted)
          .onSuccess(response -> request.response().end(response))
          .onFailure(failure -> {
            Problem problem = Problems.from(failure);
            request.response().status(problem.code().grpcStatus()).statusMessage(StatusMessages.of(problem)).end();
          });
    });
  }
}
