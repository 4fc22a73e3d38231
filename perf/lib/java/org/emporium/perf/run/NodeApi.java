package org.emporium.perf.run;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The few REST calls the harness itself makes: readiness, the search replica, a guest cart. */
final class NodeApi {

  record Cart(String id, String token) {
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String baseUrl;

  NodeApi(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** The status of a GET, or 0 while nothing answers. */
  int status(String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  String get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + " answered " + response.statusCode());
    }
    return response.body();
  }

  Cart cart() throws IOException, InterruptedException {
    JsonNode created = post("/api/v1/carts", "{\"currency\": \"USD\"}", null, 201);
    return new Cart(created.get("cartId").asText(), created.get("cartToken").asText());
  }

  JsonNode addLine(Cart cart, String sku) throws IOException, InterruptedException {
    return post("/api/v1/carts/" + cart.id() + "/items", "{\"sku\": \"" + sku + "\", \"quantity\": 1}", cart.token(),
        200);
  }

  private JsonNode post(String path, String body, String cartToken, int expected)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (cartToken != null) {
      request.header("X-Cart-Token", cartToken);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IOException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return Json.MAPPER.readTree(response.body());
  }
}
