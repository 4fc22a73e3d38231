package org.emporium.cart;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.Address;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.GrpcClientRequest;
import io.vertx.grpc.common.ServiceMethod;

import java.util.Map;

/** A gRPC client that sends the given metadata (for example {@code authorization}, {@code x-cart-token}) with every call. */
final class MetadataGrpcClient implements GrpcClient {

  private final GrpcClient client;
  private final Map<String, String> metadata;

  MetadataGrpcClient(GrpcClient client, Map<String, String> metadata) {
    this.client = client;
    this.metadata = metadata;
  }

  @Override
  public Future<GrpcClientRequest<Buffer, Buffer>> request(Address server) {
    return client.request(server).map(this::decorate);
  }

  @Override
  public Future<GrpcClientRequest<Buffer, Buffer>> request() {
    return client.request().map(this::decorate);
  }

  @Override
  public <Req, Resp> Future<GrpcClientRequest<Req, Resp>> request(Address server, ServiceMethod<Resp, Req> method) {
    return client.request(server, method).map(this::decorate);
  }

  @Override
  public <Req, Resp> Future<GrpcClientRequest<Req, Resp>> request(ServiceMethod<Resp, Req> method) {
    return client.request(method).map(this::decorate);
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }

  private <Req, Resp> GrpcClientRequest<Req, Resp> decorate(GrpcClientRequest<Req, Resp> request) {
    metadata.forEach((name, value) -> request.headers().set(name, value));
    return request;
  }
}
