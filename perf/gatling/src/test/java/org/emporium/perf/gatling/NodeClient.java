package org.emporium.perf.gatling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A small blocking REST client for preparing a run (before the load starts), not for the load. */
public final class NodeClient {

  static final ObjectMapper JSON = new ObjectMapper();

  /** One answer: status, headers and the body parsed as JSON (null when empty or not JSON). */
  public record Answer(int status, Map<String, List<String>> headers, JsonNode body) {

    public boolean ok() {
      return status >= 200 && status < 300;
    }

    Answer require(String what) {
      if (!ok()) {
        throw new IllegalStateException(what + " answered " + status + ": " + body);
      }
      return this;
    }
  }

  private final String baseUrl;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public NodeClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
  }

  public Answer post(String path, Object body, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .POST(HttpRequest.BodyPublishers.ofString(write(body)));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  /** Signs in and answers the token pair (access_token, refresh_token). */
  public JsonNode login(String email, String password) {
    Answer answer = post("/api/v1/auth/login", Map.of("email", email, "password", password), null);
    if (answer.status() == 429) {
      throw new IllegalStateException("sign-in refused with 429 (login limit per IP): start the node with "
          + "EMPORIUM_IDENTITY_LOGIN_LIMITS_PER_IP_ATTEMPTS=1000000 for load runs");
    }
    return answer.require("sign-in of " + email).body();
  }

  public static ObjectNode object() {
    return JSON.createObjectNode();
  }

  static String write(Object body) {
    try {
      return body instanceof String text ? text : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private Answer send(HttpRequest.Builder request) {
    request.timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String text = response.body();
      JsonNode body = text == null || text.isBlank() ? null : parse(text);
      return new Answer(response.statusCode(), response.headers().map(), body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot reach " + baseUrl + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return JSON.getNodeFactory().textNode(text);
    }
  }
}
