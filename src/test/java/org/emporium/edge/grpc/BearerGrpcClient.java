package org.emporium.edge.grpc;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.Address;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.GrpcClientRequest;
import io.vertx.grpc.common.ServiceMethod;

/** A gRPC client that sends {@code authorization: Bearer <token>} with every call, for the generated stubs. */
public final class BearerGrpcClient implements GrpcClient {

  private final GrpcClient client;
  private final String token;

  public BearerGrpcClient(GrpcClient client, String token) {
    this.client = client;
    this.token = token;
  }

  @Override
  public Future<GrpcClientRequest<Buffer, Buffer>> request(Address server) {
    return client.request(server).map(this::authorize);
  }

  @Override
  public Future<GrpcClientRequest<Buffer, Buffer>> request() {
    return client.request().map(this::authorize);
  }

  @Override
  public <Req, Resp> Future<GrpcClientRequest<Req, Resp>> request(Address server, ServiceMethod<Resp, Req> method) {
    return client.request(server, method).map(this::authorize);
  }

  @Override
  public <Req, Resp> Future<GrpcClientRequest<Req, Resp>> request(ServiceMethod<Resp, Req> method) {
    return client.request(method).map(this::authorize);
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }

  private <Req, Resp> GrpcClientRequest<Req, Resp> authorize(GrpcClientRequest<Req, Resp> request) {
    if (token != null) {
      request.headers().set("authorization", "Bearer " + token);
    }
    return request;
  }
}
