package org.emporium.edge.grpc;

import com.google.protobuf.Descriptors;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.grpc.common.ServiceName;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.Service;
import org.emporium.edge.auth.Authenticator;
import org.emporium.edge.grpc.ForwardedCalls.Forward;
import org.emporium.edge.grpc.catalog.v1.CatalogServiceGrpcService;

/**
 * gRPC {@code emporium.catalog.v1.CatalogService}: forwards to the catalog context as the REST
 * reads do (same addresses and envelope), anonymously or with the caller's token.
 */
public final class CatalogGrpcService implements Service {

  private final ForwardedCalls calls;

  public CatalogGrpcService(Vertx vertx, Authenticator authenticator, long timeoutMs) {
    this.calls = new ForwardedCalls(vertx, authenticator, timeoutMs);
  }

  @Override
  public ServiceName name() {
    return CatalogServiceGrpcService.SERVICE_NAME;
  }

  @Override
  public Descriptors.ServiceDescriptor descriptor() {
    return CatalogServiceGrpcService.SERVICE_DESCRIPTOR;
  }

  @Override
  public void bind(GrpcServer server) {
    server.callHandler(CatalogServiceGrpcService.GetProduct, calls.unary("getProduct", "catalog.getProduct", null,
        request -> new Forward(new JsonObject().put("id", request.getId()), request.hasCurrency()
            ? new JsonObject().put("currency", request.getCurrency()) : new JsonObject(), null),
        CatalogMessages::product));
    server.callHandler(CatalogServiceGrpcService.ListProducts, calls.unary("listProducts", "catalog.listProducts",
        null, request -> Forward.query(CatalogMessages.listQuery(request)), CatalogMessages::page));
    server.callHandler(CatalogServiceGrpcService.BatchGetBySku, calls.unary("batchGetBySku",
        "catalog.lookupPublishedSkus", null, request -> Forward.body(CatalogMessages.batch(request)),
        CatalogMessages::skus));
  }
}
