package org.emporium.e2e;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A small REST client for end-to-end tests: JSON in, status and JSON out. */
final class Api implements AutoCloseable {

  private final WebClient client;

  Api(Vertx vertx, int port) {
    client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
  }

  HttpResponse<Buffer> call(HttpMethod method, String path, String token, JsonObject body) {
    HttpRequest<Buffer> request = client.request(method, path).timeout(15_000);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    try {
      return (body == null ? request.send() : request.sendJsonObject(body)).await(20, TimeUnit.SECONDS);
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

  String register(String email, String password, String name) {
    return expect(201, HttpMethod.POST, "/api/v1/auth/register", null,
        new JsonObject().put("email", email).put("password", password).put("name", name))
        .getString("customerId");
  }

  JsonObject login(String email, String password) {
    return expect(200, HttpMethod.POST, "/api/v1/auth/login", null,
        new JsonObject().put("email", email).put("password", password));
  }

  int refreshStatus(String refreshToken) {
    return call(HttpMethod.POST, "/api/v1/auth/refresh", null,
        new JsonObject().put("refresh_token", refreshToken)).statusCode();
  }

  @Override
  public void close() {
    client.close();
  }
}
