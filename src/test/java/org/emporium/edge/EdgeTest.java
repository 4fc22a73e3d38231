package org.emporium.edge;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.Problems;
import org.emporium.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST edge of a real node (embedded PostgreSQL, Redis, Kafka; one-member cluster). */
class EdgeTest {

  @TempDir
  static Path dataDir;
  static TestNode node;
  static Vertx vertx;
  static WebClient client;

  @BeforeAll
  static void start() {
    // role edge: the stand-in consumers below are then the only ones answering their addresses
    node = TestNode.start(dataDir, Map.of("roles", "edge"));
    vertx = node.node().vertx();
    client = WebClient.create(vertx, new WebClientOptions()
        .setDefaultHost("127.0.0.1").setDefaultPort(node.httpPort()));
  }

  @AfterAll
  static void stop() {
    client.close();
    node.close();
  }

  private static HttpResponse<Buffer> send(HttpMethod method, String path, String contentType, Buffer body)
      throws Exception {
    var request = client.request(method, path).timeout(10_000);
    if (contentType != null) {
      request.putHeader("Content-Type", contentType);
    }
    return (body == null ? request.send() : request.sendBuffer(body)).await(15, TimeUnit.SECONDS);
  }

  private static JsonObject assertProblem(HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).startsWith(Problem.MEDIA_TYPE);
    String text = response.bodyAsString();
    assertThat(text).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at io.vertx");
    JsonObject problem = new JsonObject(text);
    assertThat(problem.getInteger("status")).isEqualTo(status);
    assertThat(problem.getString("type")).startsWith("/problems/");
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getString("requestId")).isEqualTo(response.getHeader("X-Request-Id"));
    return problem;
  }

  @Test
  void readyWhenEveryDependencyAnswers() throws Exception {
    HttpResponse<Buffer> live = send(HttpMethod.GET, "/health/live", null, null);
    assertThat(live.statusCode()).isEqualTo(200);
    HttpResponse<Buffer> ready = send(HttpMethod.GET, "/health/ready", null, null);
    assertThat(ready.statusCode()).isEqualTo(200);
    JsonObject body = ready.bodyAsJsonObject();
    assertThat(body.getString("status")).isEqualTo("UP");
    assertThat(body.getString("region")).isEqualTo("test-1");
    assertThat(body.getJsonArray("checks").stream().map(c -> ((JsonObject) c).getString("id")))
        .containsExactlyInAnyOrder("postgres", "redis", "kafka", "cluster");
    assertThat(body.getJsonArray("checks").stream().map(c -> ((JsonObject) c).getString("status")))
        .containsOnly("UP");
  }

  @Test
  void servesItsContractAndMetrics() throws Exception {
    HttpResponse<Buffer> contract = send(HttpMethod.GET, "/openapi.yaml", null, null);
    assertThat(contract.statusCode()).isEqualTo(200);
    assertThat(contract.getHeader("Content-Type")).startsWith("application/yaml");
    assertThat(contract.bodyAsString()).contains("openapi: 3.1").contains("/api/v1/checkout");
    send(HttpMethod.GET, "/api/v1/categories", null, null); // goes over the event bus
    HttpResponse<Buffer> metrics = send(HttpMethod.GET, "/metrics", null, null);
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.bodyAsString())
        .contains("vertx_http_server_requests_total")
        .contains("vertx_eventbus_")
        .contains("vertx_pool_");
  }

  @Test
  void unknownRouteIsAProblem404() throws Exception {
    JsonObject problem = assertProblem(send(HttpMethod.GET, "/api/v1/nothing-here", null, null), 404);
    assertThat(problem.getString("instance")).isEqualTo("/api/v1/nothing-here");
  }

  @Test
  void wrongMethodIsAProblem405() throws Exception {
    assertProblem(send(HttpMethod.DELETE, "/api/v1/categories", null, null), 405);
  }

  @Test
  void malformedJsonIsAProblem400() throws Exception {
    assertProblem(send(HttpMethod.POST, "/api/v1/auth/login", "application/json", Buffer.buffer("{\"email\": ")), 400);
  }

  @Test
  void invalidBodyIsAProblem400NamingTheField() throws Exception {
    JsonObject problem = assertProblem(send(HttpMethod.POST, "/api/v1/auth/login", "application/json",
        new JsonObject().put("email", "a@b.example").toBuffer()), 400);
    assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("/password");
  }

  @Test
  void unknownPropertiesAreRejectedByName() throws Exception {
    JsonObject problem = assertProblem(send(HttpMethod.POST, "/api/v1/auth/login", "application/json",
        new JsonObject().put("email", "a@b.example").put("password", "secret-enough").put("admin", true).toBuffer()), 400);
    assertThat(problem.getJsonArray("errors")).containsExactly(
        new JsonObject().put("field", "/admin").put("message", "is not a known property"));
  }

  @Test
  void wrongContentTypeIsAProblem415() throws Exception {
    assertProblem(send(HttpMethod.POST, "/api/v1/auth/login", "text/plain", Buffer.buffer("email=a")), 415);
  }

  @Test
  void oversizedBodyIsAProblem413() throws Exception {
    int limit = node.config().http().bodyLimit();
    Buffer big = Buffer.buffer("{\"email\": \"" + "x".repeat(limit + 10) + "\", \"password\": \"p\"}");
    assertProblem(send(HttpMethod.POST, "/api/v1/auth/login", "application/json", big), 413);
  }

  @Test
  void oversizedHeadersAreAProblem431() throws Exception {
    HttpResponse<Buffer> response = client.get("/health/live")
        .putHeader("X-Padding", "p".repeat(node.config().http().maxHeaderSize() + 100))
        .send().await(10, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(431);
    assertThat(response.getHeader("Content-Type")).startsWith(Problem.MEDIA_TYPE);
    assertThat(response.bodyAsJsonObject().getString("type")).isEqualTo("/problems/headers-too-large");
  }

  @Test
  void requestIdIsEchoedWhenSaneAndReplacedWhenNot() throws Exception {
    HttpResponse<Buffer> sane = client.get("/health/live").putHeader("X-Request-Id", "abc-123")
        .send().await(10, TimeUnit.SECONDS);
    assertThat(sane.getHeader("X-Request-Id")).isEqualTo("abc-123");
    HttpResponse<Buffer> hostile = client.get("/health/live").putHeader("X-Request-Id", "<script>")
        .send().await(10, TimeUnit.SECONDS);
    assertThat(hostile.getHeader("X-Request-Id")).isNotEqualTo("<script>").hasSizeGreaterThan(8);
  }

  @Test
  void anOperationWhoseContextIsNotDeployedIsA503() throws Exception {
    // the cart context is not deployed yet
    assertProblem(send(HttpMethod.POST, "/api/v1/carts", null, null), 503);
  }

  @Test
  void operationsAreForwardedToTheirContextOverTheEventBus() throws Exception {
    MessageConsumer<JsonObject> consumer = vertx.eventBus().<JsonObject>consumer("inventory.getStock", message -> {
      JsonObject request = message.body();
      message.reply(new JsonObject()
          .put("status", 200)
          .put("headers", new JsonObject().put("X-Seen-Request-Id", message.headers().get("x-request-id")))
          .put("body", new JsonObject()
              .put("sku", request.getJsonObject("path").getString("sku"))
              .put("operation", request.getString("operation"))
              .put("available", 7)));
    });
    consumer.completion().await(5, TimeUnit.SECONDS);
    try {
      HttpResponse<Buffer> response = client.get("/api/v1/inventory/SKU-1").putHeader("X-Request-Id", "req-77")
          .send().await(10, TimeUnit.SECONDS);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.getHeader("X-Seen-Request-Id")).isEqualTo("req-77");
      JsonObject body = response.bodyAsJsonObject();
      assertThat(body.getString("sku")).isEqualTo("SKU-1");
      assertThat(body.getString("operation")).isEqualTo("getStock");
      assertThat(body.getInteger("available")).isEqualTo(7);
    } finally {
      consumer.unregister().await(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void aContextsRejectionBecomesProblemJson() throws Exception {
    MessageConsumer<JsonObject> consumer = vertx.eventBus().<JsonObject>consumer("inventory.getStock", message ->
        Problems.fail(message, Problem.of(ErrorCode.NOT_FOUND, "No such SKU").toException()));
    consumer.completion().await(5, TimeUnit.SECONDS);
    try {
      JsonObject problem = assertProblem(send(HttpMethod.GET, "/api/v1/inventory/SKU-404", null, null), 404);
      assertThat(problem.getString("detail")).isEqualTo("No such SKU");
    } finally {
      consumer.unregister().await(5, TimeUnit.SECONDS);
    }
  }
}
