package org.emporium.edge.region;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
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

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real nodes configured as two regions, each with its own PostgreSQL, Redis, Kafka and
 * cluster: {@code eu-1} forwards to its peer, {@code us-1} redirects to its peer. A third "peer"
 * accepts connections and never answers; a fourth is a closed port.
 */
class RegionRoutingTest {

  private static final String PASSWORD = "correct horse battery";

  @TempDir
  static Path euDir;
  @TempDir
  static Path usDir;
  static Vertx vertx;
  static HttpServer silent;
  static TestNode eu;
  static TestNode us;
  static WebClient client;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    silent = vertx.createHttpServer().requestHandler(request -> { }).listen(0, "127.0.0.1")
        .await(10, TimeUnit.SECONDS);
    int euPort = TestNode.freePort();
    int usPort = TestNode.freePort();
    String countries = "{\"US\": \"us-1\", \"CA\": \"us-1\", \"DE\": \"eu-1\"}";
    eu = TestNode.start(euDir, Map.of("roles", "region-test", "region", "eu-1", "http.port", String.valueOf(euPort),
        "regions.enabled", "true", "regions.mode", "forward", "regions.forwardTimeoutMs", "1500",
        "regions.countries", countries,
        "regions.peers", new JsonObject().put("us-1", "http://127.0.0.1:" + usPort)
            .put("slow-1", "http://127.0.0.1:" + silent.actualPort())
            // port 1: nothing listens there, so the connection is refused (a port found free now
            // may be taken by a server the next node starts, which then leaves the request unanswered)
            .put("gone-1", "http://127.0.0.1:1").encode()));
    us = TestNode.start(usDir, Map.of("roles", "region-test", "region", "us-1", "http.port", String.valueOf(usPort),
        "regions.enabled", "true", "regions.mode", "redirect", "regions.countries", countries,
        "regions.peers", new JsonObject().put("eu-1", base(euPort) + "/").encode()));
    client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false));
  }

  @AfterAll
  static void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    if (us != null) {
      us.close();
    }
    if (eu != null) {
      eu.close();
    }
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void xRegionSendsACustomersRequestToTheOtherRegionWhereItsDataStays() {
    HttpResponse<Buffer> created = send(eu, HttpMethod.POST, "/api/v1/carts", Map.of("X-Region", "us-1",
        "X-Request-Id", "region-test-42"), new JsonObject());
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.getHeader(RegionRouting.SERVED_BY)).isEqualTo("us-1");
    assertThat(created.getHeader("X-Request-Id")).isEqualTo("region-test-42");
    String cartId = created.bodyAsJsonObject().getString("cartId");
    String cartToken = created.bodyAsJsonObject().getString("cartToken");

    HttpResponse<Buffer> inUs = send(us, HttpMethod.GET, "/api/v1/carts/" + cartId, Map.of("X-Cart-Token", cartToken), null);
    assertThat(inUs.statusCode()).isEqualTo(200);
    assertThat(inUs.bodyAsJsonObject().getString("id", inUs.bodyAsJsonObject().getString("cartId"))).isEqualTo(cartId);
    // the eu region's own cart store never saw it
    HttpResponse<Buffer> inEu = send(eu, HttpMethod.GET, "/api/v1/carts/" + cartId,
        Map.of("X-Cart-Token", cartToken, PeerForwarder.FORWARDED, "test"), null);
    assertThat(inEu.statusCode()).isEqualTo(404);
    assertThat(inEu.getHeader(RegionRouting.SERVED_BY)).isEqualTo("eu-1");

    // the cart token travels with the forwarded request, so the cart is read through the eu edge too
    HttpResponse<Buffer> throughEu = send(eu, HttpMethod.GET, "/api/v1/carts/" + cartId,
        Map.of("X-Cart-Token", cartToken, "X-Region", "us-1"), null);
    assertThat(throughEu.statusCode()).isEqualTo(200);
    assertThat(throughEu.getHeader(RegionRouting.SERVED_BY)).isEqualTo("us-1");
  }

  @Test
  void theCdnCountryHeaderIsMappedToARegion() {
    HttpResponse<Buffer> american = send(eu, HttpMethod.POST, "/api/v1/carts", Map.of("CloudFront-Viewer-Country", "us"),
        new JsonObject());
    assertThat(american.statusCode()).isEqualTo(201);
    assertThat(american.getHeader(RegionRouting.SERVED_BY)).isEqualTo("us-1");
    String cartId = american.bodyAsJsonObject().getString("cartId");
    assertThat(send(us, HttpMethod.GET, "/api/v1/carts/" + cartId,
        Map.of("X-Cart-Token", american.bodyAsJsonObject().getString("cartToken")), null).statusCode()).isEqualTo(200);

    assertThat(send(eu, HttpMethod.POST, "/api/v1/carts", Map.of("CloudFront-Viewer-Country", "DE"), new JsonObject())
        .getHeader(RegionRouting.SERVED_BY)).isEqualTo("eu-1");
    assertThat(send(eu, HttpMethod.POST, "/api/v1/carts", Map.of("CloudFront-Viewer-Country", "FR"), new JsonObject())
        .getHeader(RegionRouting.SERVED_BY)).as("an unmapped country stays here").isEqualTo("eu-1");
    assertThat(send(eu, HttpMethod.POST, "/api/v1/carts", Map.of("CloudFront-Viewer-Country", "US", "X-Region", "eu-1"),
        new JsonObject()).getHeader(RegionRouting.SERVED_BY)).as("X-Region before the country").isEqualTo("eu-1");
  }

  @Test
  void aSignedInCustomerIsRoutedToTheirHomeRegionByTheirToken() {
    String email = "region-" + UUID.randomUUID() + "@example.com";
    Map<String, String> toUs = Map.of("X-Region", "us-1");
    assertThat(send(eu, HttpMethod.POST, "/api/v1/auth/register", toUs,
        new JsonObject().put("email", email).put("password", PASSWORD).put("name", "Ann")).statusCode()).isEqualTo(201);
    HttpResponse<Buffer> login = send(eu, HttpMethod.POST, "/api/v1/auth/login", toUs,
        new JsonObject().put("email", email).put("password", PASSWORD));
    assertThat(login.statusCode()).isEqualTo(200);
    String token = login.bodyAsJsonObject().getString("access_token");
    assertThat(claims(token).getString("home_region")).isEqualTo("us-1");
    Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);

    HttpResponse<Buffer> me = send(eu, HttpMethod.GET, "/api/v1/me", bearer, null);
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.getHeader(RegionRouting.SERVED_BY)).isEqualTo("us-1");
    assertThat(me.bodyAsJsonObject().getString("email")).isEqualTo(email);
    assertThat(send(eu, HttpMethod.GET, "/api/v1/me", Map.of("Authorization", "Bearer " + token, "X-Region", "eu-1",
        "CloudFront-Viewer-Country", "DE"), null).getHeader(RegionRouting.SERVED_BY))
        .as("the home region comes before X-Region and the country").isEqualTo("us-1");

    // the eu region neither holds the account nor trusts the us issuer: only us can have answered
    HttpResponse<Buffer> here = send(eu, HttpMethod.GET, "/api/v1/me",
        Map.of("Authorization", "Bearer " + token, PeerForwarder.FORWARDED, "test"), null);
    assertThat(here.statusCode()).isEqualTo(401);
    assertThat(send(eu, HttpMethod.POST, "/api/v1/auth/login", Map.of(),
        new JsonObject().put("email", email).put("password", PASSWORD)).statusCode()).isEqualTo(401);
  }

  @Test
  void globalReadsAreServedInEveryRegion() {
    Map<String, String> toUs = Map.of("X-Region", "us-1", "CloudFront-Viewer-Country", "US");
    HttpResponse<Buffer> products = send(eu, HttpMethod.GET, "/api/v1/products", toUs, null);
    assertThat(products.statusCode()).isEqualTo(200);
    assertThat(products.getHeader(RegionRouting.SERVED_BY)).isEqualTo("eu-1");
    HttpResponse<Buffer> keys = send(eu, HttpMethod.GET, "/.well-known/jwks.json", toUs, null);
    assertThat(keys.statusCode()).isEqualTo(200);
    assertThat(keys.getHeader(RegionRouting.SERVED_BY)).as("each region publishes its own issuer's keys").isEqualTo("eu-1");
    HttpResponse<Buffer> ready = send(eu, HttpMethod.GET, "/health/ready", toUs, null);
    assertThat(ready.bodyAsJsonObject().getString("region")).isEqualTo("eu-1");
    assertThat(send(eu, HttpMethod.GET, "/openapi.yaml", toUs, null).statusCode()).isEqualTo(200);
  }

  @Test
  void redirectModeAnswers307OnThePeersUrl() {
    HttpResponse<Buffer> redirected = send(us, HttpMethod.POST, "/api/v1/carts?source=app", Map.of("X-Region", "eu-1"),
        new JsonObject());
    assertThat(redirected.statusCode()).isEqualTo(307);
    assertThat(redirected.getHeader("Location")).isEqualTo("http://127.0.0.1:" + eu.httpPort() + "/api/v1/carts?source=app");
    assertThat(redirected.getHeader(RegionRouting.SERVED_BY)).isEqualTo("us-1");
    assertThat(send(us, HttpMethod.GET, "/api/v1/products", Map.of("X-Region", "eu-1"), null).statusCode())
        .as("global reads are not redirected").isEqualTo(200);
  }

  @Test
  void aForwardedRequestIsNeverSentOnAgain() {
    // us would redirect this request to eu, but it says it was already forwarded once
    HttpResponse<Buffer> atUs = send(us, HttpMethod.POST, "/api/v1/carts", Map.of("X-Region", "eu-1",
        PeerForwarder.FORWARDED, "eu-1"), new JsonObject());
    assertThat(atUs.statusCode()).isEqualTo(201);
    assertThat(atUs.getHeader(RegionRouting.SERVED_BY)).isEqualTo("us-1");
    HttpResponse<Buffer> atEu = send(eu, HttpMethod.POST, "/api/v1/carts", Map.of("X-Region", "us-1",
        PeerForwarder.FORWARDED, "us-1"), new JsonObject());
    assertThat(atEu.statusCode()).isEqualTo(201);
    assertThat(atEu.getHeader(RegionRouting.SERVED_BY)).isEqualTo("eu-1");
  }

  @Test
  void aPeerThatDoesNotAnswerIsATimeoutAndOneThatIsDownIsUnavailable() {
    JsonObject slow = problem(send(eu, HttpMethod.POST, "/api/v1/carts", Map.of("X-Region", "slow-1"), new JsonObject()),
        504);
    assertThat(slow.getString("type")).isEqualTo("/problems/timeout");
    JsonObject gone = problem(send(eu, HttpMethod.GET, "/api/v1/me", Map.of("X-Region", "gone-1"), null), 503);
    assertThat(gone.getString("type")).isEqualTo("/problems/unavailable");
  }

  @Test
  void anUnknownRegionIsRefused() {
    JsonObject refused = problem(send(eu, HttpMethod.POST, "/api/v1/carts", Map.of("X-Region", "mars-1"),
        new JsonObject()), 400);
    assertThat(refused.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("/headers/X-Region");
    assertThat(refused.getJsonArray("errors").getJsonObject(0).getString("message")).contains("eu-1", "us-1");
  }

  private static HttpResponse<Buffer> send(TestNode node, HttpMethod method, String uri, Map<String, String> headers,
      JsonObject body) {
    try {
    HttpRequest<Buffer> request = client.request(method, node.httpPort(), "127.0.0.1", uri).timeout(20_000);
    headers.forEach(request::putHeader);
      return (body == null ? request.send() : request.sendJsonObject(body)).await(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no answer from " + uri, e);
    }
  }

  private static JsonObject problem(HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).startsWith(Problem.MEDIA_TYPE);
    JsonObject problem = response.bodyAsJsonObject();
    assertThat(problem.getInteger("status")).isEqualTo(status);
    assertThat(problem.getString("requestId")).isEqualTo(response.getHeader("X-Request-Id"));
    return problem;
  }

  private static JsonObject claims(String token) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
  }

  private static String base(int port) {
    return "http://127.0.0.1:" + port;
  }
}
