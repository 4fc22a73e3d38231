package org.emporium.inventory;

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
import org.emporium.edge.grpc.inventory.v1.InventoryServiceGrpcClient;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** REST and gRPC clients of a node's edge, and tokens for an admin and for a customer. */
final class EdgeClients implements AutoCloseable {

  private final Vertx vertx = Vertx.vertx();
  private final WebClient web;
  private final GrpcClient grpc;
  private final SocketAddress edge;
  final String adminToken;
  final String customerToken;

  EdgeClients(int port) {
    web = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
    grpc = GrpcClient.client(vertx, new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
        .setHttp2ClearTextUpgrade(false));
    edge = SocketAddress.inetSocketAddress(port, "127.0.0.1");
    adminToken = login(InventoryNodes.ADMIN_EMAIL, InventoryNodes.ADMIN_PASSWORD);
    String email = "shopper-" + UUID.randomUUID() + "@example.com";
    expect(201, HttpMethod.POST, "/api/v1/auth/register", null, new JsonObject().put("email", email)
        .put("password", "correct horse battery").put("name", "Shopper"), Map.of());
    customerToken = login(email, "correct horse battery");
  }

  private String login(String email, String password) {
    return expect(200, HttpMethod.POST, "/api/v1/auth/login", null,
        new JsonObject().put("email", email).put("password", password), Map.of()).getString("access_token");
  }

  InventoryServiceGrpcClient grpc(String token) {
    return InventoryServiceGrpcClient.create(new BearerGrpcClient(grpc, token), edge);
  }

  HttpResponse<Buffer> call(HttpMethod method, String path, String token, JsonObject body, Map<String, String> headers) {
    HttpRequest<Buffer> request = web.request(method, path).timeout(30_000);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    headers.forEach(request::putHeader);
    try {
      return (body == null ? request.send() : request.sendJsonObject(body)).await(40, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(method + " " + path + " failed", e);
    }
  }

  JsonObject expect(int status, HttpMethod method, String path, String token, JsonObject body,
      Map<String, String> headers) {
    HttpResponse<Buffer> response = call(method, path, token, body, headers);
    assertThat(response.statusCode()).as("%s %s: %s", method, path, response.bodyAsString()).isEqualTo(status);
    String text = response.bodyAsString();
    return text == null || text.isEmpty() ? new JsonObject() : new JsonObject(text);
  }

  JsonObject expect(int status, HttpMethod method, String path, String token, JsonObject body) {
    return expect(status, method, path, token, body, Map.of());
  }

  @Override
  public void close() throws Exception {
    web.close();
    grpc.close().await(5, TimeUnit.SECONDS);
    vertx.close().await(5, TimeUnit.SECONDS);
  }
}
