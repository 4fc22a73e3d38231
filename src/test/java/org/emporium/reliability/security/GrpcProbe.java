package org.emporium.reliability.security;

import com.google.protobuf.MessageLite;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.common.GrpcErrorException;
import io.vertx.grpc.common.GrpcStatus;
import org.emporium.reliability.hostile.HostileNode;

import java.util.concurrent.TimeUnit;

/** Unary gRPC calls to the node's port with any token, for their status and answer bytes. */
final class GrpcProbe implements AutoCloseable {

  /** How a call ended: its status and the answer's bytes (empty unless OK). */
  record Answer(GrpcStatus status, String message, Buffer body) {
  }

  private final GrpcClient client;
  private final SocketAddress edge;

  GrpcProbe(HostileNode node) {
    this.client = GrpcClient.client(node.vertx(), new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
        .setHttp2ClearTextUpgrade(false));
    this.edge = SocketAddress.inetSocketAddress(node.port(), "127.0.0.1");
  }

  /** Calls {@code method} ({@code package.Service/Method}) with {@code message}, as the bearer of {@code token}. */
  Answer call(String method, String token, MessageLite message) {
    return call(method, token, message.toByteArray());
  }

  /** As {@link #call(String, String, MessageLite)} with the message's bytes as they are. */
  Answer call(String method, String token, byte[] message) {
    Buffer body = Buffer.buffer();
    Future<Answer> answer = client.request(edge).compose(request -> {
      request.fullMethodName(method).timeout(30, TimeUnit.SECONDS);
      if (token != null) {
        request.headers().set("authorization", "Bearer " + token);
      }
      return request.send(Buffer.buffer(message));
    }).compose(response -> {
      response.handler(body::appendBuffer);
      return response.end().transform(done -> Future.succeededFuture(
          new Answer(response.status(), response.statusMessage(), body)));
    }).recover(failure -> failure instanceof GrpcErrorException reset
        ? Future.succeededFuture(new Answer(reset.status(), "stream reset", body)) : Future.failedFuture(failure));
    return HostileNode.await(answer);
  }

  @Override
  public void close() {
    HostileNode.await(client.close());
  }
}
