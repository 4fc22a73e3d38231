package org.emporium.ordering;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.grpc.client.GrpcClient;
import org.emporium.edge.grpc.BearerGrpcClient;
import org.emporium.edge.grpc.ordering.v1.OrderServiceGrpcClient;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** REST and gRPC clients of the node's edge, with an admin's token and new customers. */
final class OrderEdge implements AutoCloseable {

  private final Vertx vertx = Vertx.vertx();
  private final WebClient web;
  private final GrpcClient grpc;
  private final SocketAddress edge;
  final String adminToken;

  /** A registered customer: their id and access token. */
  record Customer(UUID id, String token) {
  }

  OrderEdge(int port) {
    web = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
    grpc = GrpcClient.client(vertx, new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
        .setHttp2ClearTextUpgrade(false));
    edge = SocketAddress.inetSocketAddress(port, "127.0.0.1");
    adminToken = login(OrderNode.ADMIN_EMAIL, OrderNode.ADMIN_PASSWORD);
  }

  Customer customer() {
    String email = "buyer-" + UUID.randomUUID() + "@example.com";
    JsonObject registered = expect(201, HttpMethod.POST, "/api/v1/auth/register", null, new JsonObject()
        .put("email", email).put("password", "correct horse battery").put("name", "Buyer"));
    return new Customer(UUID.fromString(registered.getString("customerId")), login(email, "correct horse battery"));
  }

  private String login(String email, String password) {
    return expect(200, HttpMethod.POST, "/api/v1/auth/login", null,
        new JsonObject().put("email", email).put("password", password)).getString("access_token");
  }

  OrderServiceGrpcClient grpc(String token) {
    return OrderServiceGrpcClient.create(new BearerGrpcClient(grpc, token), edge);
  }

  HttpResponse<Buffer> call(HttpMethod method, String path, String token, JsonObject body) {
    HttpRequest<Buffer> request = web.request(method, path).timeout(30_000);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    try {
      return (body == null ? request.send() : request.sendJsonObject(body)).await(40, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(method + " " + path + " failed", e);
    }
  }

  JsonObject expect(int status, HttpMethod method, String path, String token, JsonObject body) {
    HttpResponse<Buffer> response = call(method, path, token, body);
    assertThat(response.statusCode()).as("%s %s: %s", method, path, response.bodyAsString()).isEqualTo(status);
    String text = response.bodyAsString();
    return text == null || text.isEmpty() ? new JsonObject() : new JsonObject(text);
  }

  @Override
  public void close() throws Exception {
    web.close();
    grpc.close().await(5, TimeUnit.SECONDS);
    vertx.close().await(5, TimeUnit.SECONDS);
  }
}
