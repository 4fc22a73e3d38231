package org.emporium.e2e;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.InvalidStatusException;
import io.vertx.grpc.common.GrpcStatus;
import org.emporium.edge.grpc.BearerGrpcClient;
import org.emporium.edge.grpc.customer.v1.CustomerServiceGrpcClient;

import java.util.concurrent.TimeUnit;

/** A gRPC client of a node's edge for end-to-end tests, sending a bearer token in the metadata. */
final class Grpc implements AutoCloseable {

  private final Vertx vertx = Vertx.vertx();
  private final GrpcClient client;
  private final SocketAddress edge;

  Grpc(int port) {
    client = GrpcClient.client(vertx, new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
        .setHttp2ClearTextUpgrade(false));
    edge = SocketAddress.inetSocketAddress(port, "127.0.0.1");
  }

  CustomerServiceGrpcClient as(String token) {
    return CustomerServiceGrpcClient.create(new BearerGrpcClient(client, token), edge);
  }

  <T> T await(Future<T> call) throws Exception {
    return call.await(15, TimeUnit.SECONDS);
  }

  /** The status a call ended with; OK when it succeeded. */
  GrpcStatus status(Future<?> call) {
    try {
      await(call);
      return GrpcStatus.OK;
    } catch (InvalidStatusException e) {
      return e.actualStatus();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() throws Exception {
    client.close().await(5, TimeUnit.SECONDS);
    vertx.close().await(5, TimeUnit.SECONDS);
  }
}
