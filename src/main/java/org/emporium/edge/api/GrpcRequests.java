package org.emporium.edge.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/** Tells gRPC calls apart from REST requests on the shared port. */
final class GrpcRequests {

  private GrpcRequests() {
  }

  static boolean isGrpc(HttpServerRequest request) {
    String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
    return type != null && type.startsWith("application/grpc");
  }
}
