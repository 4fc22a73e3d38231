package org.emporium.edge.grpc;

import com.google.protobuf.Descriptors;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.grpc.common.ServiceName;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.Service;
import org.emporium.edge.auth.Authenticator;
import org.emporium.edge.grpc.ForwardedCalls.Forward;
import org.emporium.edge.grpc.ordering.v1.ListOrdersRequest;
import org.emporium.edge.grpc.ordering.v1.OrderServiceGrpcService;

/**
 * gRPC {@code emporium.ordering.v1.OrderService}: each method forwards to the ordering context like
 * its REST operation (same address, envelope and rules; {@code orders:own} at least).
 */
public final class OrderGrpcService implements Service {

  private static final String OWN = "orders:own";

  private final ForwardedCalls calls;

  public OrderGrpcService(Vertx vertx, Authenticator authenticator, long timeoutMs) {
    this.calls = new ForwardedCalls(vertx, authenticator, timeoutMs);
  }

  @Override
  public ServiceName name() {
    return OrderServiceGrpcService.SERVICE_NAME;
  }

  @Override
  public Descriptors.ServiceDescriptor descriptor() {
    return OrderServiceGrpcService.SERVICE_DESCRIPTOR;
  }

  @Override
  public void bind(GrpcServer server) {
    server.callHandler(OrderServiceGrpcService.ListOrders, calls.unary("listOrders", "ordering.list", OWN,
        request -> Forward.query(query(request)), OrderMessages::page));
    server.callHandler(OrderServiceGrpcService.GetOrder, calls.unary("getOrder", "ordering.get", OWN,
        request -> Forward.path("id", request.getOrderId()), OrderMessages::order));
    server.callHandler(OrderServiceGrpcService.CancelOrder, calls.unary("cancelOrder", "ordering.cancel", OWN,
        request -> Forward.path("id", request.getOrderId()).withBody(request.hasReason()
            ? new JsonObject().put("reason", request.getReason()) : new JsonObject()), OrderMessages::order));
  }

  private static JsonObject query(ListOrdersRequest request) {
    JsonObject query = new JsonObject();
    if (request.hasLimit()) {
      query.put("limit", request.getLimit());
    }
    if (request.hasCursor()) {
      query.put("cursor", request.getCursor());
    }
    if (request.hasStatus()) {
      query.put("status", request.getStatus());
    }
    if (request.hasCustomerId()) {
      query.put("customerId", request.getCustomerId());
    }
    if (request.hasFrom()) {
      query.put("from", request.getFrom());
    }
    if (request.hasTo()) {
      query.put("to", request.getTo());
    }
    return query;
  }
}
