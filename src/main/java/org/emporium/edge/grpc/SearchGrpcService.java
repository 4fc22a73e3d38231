package org.emporium.edge.grpc;

import com.google.protobuf.Descriptors;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.common.ServiceName;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.GrpcServerRequest;
import io.vertx.grpc.server.Service;
import org.emporium.edge.grpc.search.v1.SearchServiceGrpcService;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.Problems;
import org.emporium.platform.eventbus.ForwardedRequest;
import org.emporium.platform.eventbus.RequestIds;

import java.util.function.Function;

/**
 * gRPC {@code emporium.search.v1.SearchService}: anonymous like its REST operations, each method
 * forwards the same query parameters to the same address ({@code search.query},
 * {@code search.suggest}) with a timeout; a failure becomes the gRPC status of its problem.
 */
public final class SearchGrpcService implements Service {

  private final Vertx vertx;
  private final long timeoutMs;

  public SearchGrpcService(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public ServiceName name() {
    return SearchServiceGrpcService.SERVICE_NAME;
  }

  @Override
  public Descriptors.ServiceDescriptor descriptor() {
    return SearchServiceGrpcService.SERVICE_DESCRIPTOR;
  }

  @Override
  public void bind(GrpcServer server) {
    server.callHandler(SearchServiceGrpcService.Search,
        anonymous("search", "search.query", SearchMessages::query, SearchMessages::results));
    server.callHandler(SearchServiceGrpcService.Suggest,
        anonymous("suggestSearches", "search.suggest", SearchMessages::query, SearchMessages::suggestions));
  }

  private <Req, Resp> Handler<GrpcServerRequest<Req, Resp>> anonymous(String operation, String address,
      Function<Req, JsonObject> query, Function<JsonObject, Resp> response) {
    return request -> {
      RequestIds.bind(Vertx.currentContext(), RequestIds.accept(request.headers().get(RequestIds.BUS_HEADER)));
      RequestMessages.read(request)
          .compose(message -> vertx.eventBus().<JsonObject>request(address,
              ForwardedRequest.envelope(operation, new JsonObject(), query.apply(message), new JsonObject(), null, null,
                  clientIp(request)), RequestIds.deliveryOptions(timeoutMs)))
          .map(Message::body)
          .map(reply -> response.apply(reply.getJsonObject("body", new JsonObject())))
          .onSuccess(message -> request.response().end(message))
          .onFailure(failure -> {
            Problem problem = Problems.from(failure);
            request.response().status(problem.code().grpcStatus()).statusMessage(StatusMessages.of(problem)).end();
          });
    };
  }

  private static String clientIp(GrpcServerRequest<?, ?> request) {
    SocketAddress remote = request.connection() == null ? null : request.connection().remoteAddress();
    return remote == null ? null : remote.hostAddress();
  }
}
