package org.emporium.edge;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.emporium.platform.error.Problem;
import org.emporium.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The public port's hardening, cleartext: CORS, security headers, limits, compression, no leaks. */
class HardeningTest {

  private static final String SHOP = "https://shop.example";
  private static final String EVIL = "https://evil.example";

  @TempDir
  static Path dataDir;
  static TestNode node;
  static Vertx vertx;
  static WebClient client;

  @BeforeAll
  static void start() {
    node = TestNode.start(dataDir, Map.of("roles", "edge", "http.cors.allowedOrigins", SHOP + ",https://admin.example"));
    vertx = node.node().vertx();
    client = WebClient.create(vertx, new WebClientOptions()
        .setDefaultHost("127.0.0.1").setDefaultPort(node.httpPort()));
  }

  @AfterAll
  static void stop() {
    client.close();
    node.close();
  }

  private static HttpResponse<Buffer> send(HttpRequest<Buffer> request) {
    return await(request.timeout(10_000).send());
  }

  private static void assertSecurityHeaders(HttpResponse<Buffer> response) {
    assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
    assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(response.getHeader("Content-Security-Policy")).contains("default-src 'none'")
        .contains("frame-ancestors 'none'");
    assertThat(response.getHeader("Server")).isNull();
    assertThat(response.getHeader("Strict-Transport-Security")).as("no HSTS without TLS").isNull();
  }

  /** Runs {@code test} while a stand-in consumer answers {@code address} with {@code reply(request)}. */
  private static void withContext(String address, Function<JsonObject, JsonObject> reply, Runnable test) {
    MessageConsumer<JsonObject> consumer = vertx.eventBus().<JsonObject>consumer(address,
        message -> message.reply(reply.apply(message.body())));
    await(consumer.completion());
    try {
      test.run();
    } finally {
      await(consumer.unregister());
    }
  }

  @Test
  void everyAnswerCarriesTheSecurityHeadersAndNoServerHeader() {
    assertSecurityHeaders(send(client.get("/health/live")));
    assertSecurityHeaders(send(client.get("/api/v1/nothing-here")));
    HttpResponse<Buffer> contract = send(client.get("/openapi.yaml"));
    assertThat(contract.statusCode()).isEqualTo(200);
    assertSecurityHeaders(contract);
    assertSecurityHeaders(send(client.get("/eventbus/info")));
    HttpResponse<Buffer> tooLarge = send(client.get("/health/live")
        .putHeader("X-Padding", "p".repeat(node.config().http().maxHeaderSize() + 100)));
    assertThat(tooLarge.statusCode()).isEqualTo(431);
    assertSecurityHeaders(tooLarge);
  }

  @Test
  void anAllowedOriginGetsCorsHeadersAndADisallowedOneNone() {
    HttpResponse<Buffer> allowed = send(client.get("/health/live").putHeader("Origin", SHOP));
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.getHeader("Access-Control-Allow-Origin")).isEqualTo(SHOP);
    assertThat(allowed.getHeader("Access-Control-Expose-Headers")).contains("X-Request-Id")
        .contains("Idempotent-Replayed").contains("Retry-After").contains("RateLimit-Remaining").contains("Location");
    assertThat(allowed.getHeader("Access-Control-Allow-Credentials")).isNull();
    assertThat(allowed.headers().getAll("Vary")).contains("Origin");

    HttpResponse<Buffer> other = send(client.get("/health/live").putHeader("Origin", EVIL));
    assertThat(other.statusCode()).isEqualTo(200);
    assertThat(other.headers().names()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
    // exact strings only: a look-alike or a sub-domain is another origin
    assertThat(send(client.get("/health/live").putHeader("Origin", SHOP + ".evil.example"))
        .getHeader("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void aPreflightFromAnAllowedOriginIsAnswered() {
    HttpResponse<Buffer> response = send(client.request(HttpMethod.OPTIONS, "/api/v1/carts")
        .putHeader("Origin", SHOP)
        .putHeader("Access-Control-Request-Method", "POST")
        .putHeader("Access-Control-Request-Headers", "authorization, content-type, idempotency-key, x-cart-token"));
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo(SHOP);
    assertThat(response.getHeader("Access-Control-Allow-Methods")).contains("POST").contains("DELETE");
    assertThat(response.getHeader("Access-Control-Allow-Headers")).contains("Authorization")
        .contains("Idempotency-Key").contains("X-Cart-Token").contains("X-Request-Id").contains("X-Region");
    assertThat(response.getHeader("Access-Control-Max-Age")).isEqualTo("600");
    assertSecurityHeaders(response);
  }

  @Test
  void aPreflightFromAnotherOriginOrForAnotherHeaderOrMethodIsRefused() {
    HttpResponse<Buffer> evil = send(client.request(HttpMethod.OPTIONS, "/api/v1/carts")
        .putHeader("Origin", EVIL).putHeader("Access-Control-Request-Method", "POST"));
    assertThat(evil.statusCode()).isEqualTo(403);
    assertThat(evil.getHeader("Access-Control-Allow-Origin")).isNull();
    assertThat(evil.getHeader("Access-Control-Allow-Methods")).isNull();
    assertThat(send(client.request(HttpMethod.OPTIONS, "/api/v1/carts").putHeader("Origin", SHOP)
        .putHeader("Access-Control-Request-Method", "POST").putHeader("Access-Control-Request-Headers", "x-evil"))
        .statusCode()).isEqualTo(403);
    assertThat(send(client.request(HttpMethod.OPTIONS, "/api/v1/carts").putHeader("Origin", SHOP)
        .putHeader("Access-Control-Request-Method", "TRACE")).statusCode()).isEqualTo(403);
  }

  @Test
  void theBridgeFollowsTheAllowListInsteadOfEchoingAnyOrigin() {
    HttpResponse<Buffer> allowed = send(client.get("/eventbus/info").putHeader("Origin", SHOP));
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.getHeader("Access-Control-Allow-Origin")).isEqualTo(SHOP);
    // SockJS's cross-origin XHR transports send credentials: only for an origin of the list
    assertThat(allowed.getHeader("Access-Control-Allow-Credentials")).isEqualTo("true");

    HttpResponse<Buffer> evil = send(client.get("/eventbus/info").putHeader("Origin", EVIL));
    assertThat(evil.statusCode()).isEqualTo(200);
    assertThat(evil.getHeader("Access-Control-Allow-Origin")).isNull();
    assertThat(evil.getHeader("Access-Control-Allow-Credentials")).isNull();
    HttpResponse<Buffer> preflight = send(client.request(HttpMethod.OPTIONS, "/eventbus/info")
        .putHeader("Origin", EVIL).putHeader("Access-Control-Request-Method", "GET"));
    assertThat(preflight.statusCode()).isEqualTo(403);
    assertThat(preflight.getHeader("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void tooManyHeadersAreAProblem431() {
    HttpRequest<Buffer> request = client.get("/health/live");
    int count = node.config().http().maxHeaderSize() / 8; // each line is over 8 bytes
    for (int i = 0; i < count; i++) {
      request.putHeader("X-H-" + i, "v" + i);
    }
    HttpResponse<Buffer> response = send(request);
    assertThat(response.statusCode()).isEqualTo(431);
    assertThat(response.getHeader("Content-Type")).startsWith(Problem.MEDIA_TYPE);
    assertThat(response.bodyAsJsonObject().getString("type")).isEqualTo("/problems/headers-too-large");
  }

  @Test
  void anOversizedBodyIsAProblem413WithTheSecurityHeaders() {
    Buffer big = Buffer.buffer("{\"email\": \"" + "x".repeat(node.config().http().bodyLimit() + 1) + "\"}");
    HttpResponse<Buffer> response = await(client.post("/api/v1/auth/login")
        .putHeader("Content-Type", "application/json").timeout(10_000).sendBuffer(big));
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.bodyAsJsonObject().getString("type")).isEqualTo("/problems/payload-too-large");
    assertSecurityHeaders(response);
  }

  @Test
  void aHugePageSizeIsServedAsTheLargestPageOfEachListOperation() {
    Function<JsonObject, JsonObject> echo = request -> new JsonObject().put("status", 200)
        .put("body", new JsonObject().put("query", request.getJsonObject("query")));
    withContext("catalog.listProducts", echo, () -> {
      HttpResponse<Buffer> response = send(client.get("/api/v1/products?limit=1000000000000"));
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.bodyAsJsonObject().getJsonObject("query").getInteger("limit")).isEqualTo(100);
      assertThat(send(client.get("/api/v1/products?limit=7")).bodyAsJsonObject()
          .getJsonObject("query").getInteger("limit")).isEqualTo(7);
      assertThat(send(client.get("/api/v1/products?limit=0")).statusCode()).isEqualTo(400);
    });
    withContext("search.suggest", echo, () -> {
      HttpResponse<Buffer> response = send(client.get("/api/v1/search/suggestions?q=sh&limit=5000"));
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.bodyAsJsonObject().getJsonObject("query").getInteger("limit")).isEqualTo(20);
    });
  }

  @Test
  void aLargeJsonAnswerIsCompressedOnlyWhenTheClientAsks() {
    JsonArray items = new JsonArray();
    for (int i = 0; i < 2000; i++) {
      items.add(new JsonObject().put("id", "product-" + i).put("name", "A product called " + i));
    }
    JsonObject page = new JsonObject().put("items", items);
    withContext("catalog.listProducts", request -> new JsonObject().put("status", 200).put("body", page), () -> {
      HttpResponse<Buffer> gzip = send(client.get("/api/v1/products").putHeader("Accept-Encoding", "gzip"));
      assertThat(gzip.statusCode()).isEqualTo(200);
      assertThat(gzip.getHeader("Content-Encoding")).isEqualTo("gzip");
      assertThat(gzip.body().length()).isLessThan(page.encode().length() / 4);
      assertThat(new JsonObject(gunzip(gzip.body()))).isEqualTo(page);

      HttpResponse<Buffer> plain = send(client.get("/api/v1/products"));
      assertThat(plain.getHeader("Content-Encoding")).isNull();
      assertThat(plain.bodyAsJsonObject()).isEqualTo(page);
    });
  }

  @Test
  void aFailingContextLeaksNoStackTrace() {
    String trace = "java.lang.IllegalStateException: secret detail\n\tat org.emporium.Secret.run(Secret.java:42)";
    MessageConsumer<JsonObject> failing = vertx.eventBus().<JsonObject>consumer("inventory.getStock",
        message -> message.fail(500, trace));
    await(failing.completion());
    try {
      assertNoLeak(send(client.get("/api/v1/inventory/SKU-1")));
    } finally {
      await(failing.unregister());
    }
    // a reply the edge cannot read (status is not a number) is a 500 too, not a hung request
    withContext("inventory.getStock", request -> new JsonObject().put("status", trace), () ->
        assertNoLeak(send(client.get("/api/v1/inventory/SKU-1"))));
  }

  private static void assertNoLeak(HttpResponse<Buffer> response) {
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.getHeader("Content-Type")).startsWith(Problem.MEDIA_TYPE);
    assertThat(response.bodyAsString()).doesNotContain("secret").doesNotContain("Exception")
        .doesNotContain("\tat ").doesNotContain(".java");
    assertSecurityHeaders(response);
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.await(15, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("no answer in time", e);
    }
  }

  private static String gunzip(Buffer compressed) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed.getBytes()))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("not gzip", e);
    }
  }
}
