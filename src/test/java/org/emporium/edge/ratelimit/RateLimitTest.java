package org.emporium.edge.ratelimit;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.InvalidStatusException;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.emporium.platform.clients.Clients;
import org.emporium.platform.embedded.EmbeddedRedisServer;
import org.emporium.platform.error.Problem;
import org.emporium.platform.grpc.v1.GetNodeRequest;
import org.emporium.platform.grpc.v1.NodeServiceGrpcClient;
import org.emporium.testing.Eventually;
import org.emporium.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The edge's rate limits against a real Redis: a client IP's bucket and a customer's bucket run
 * out (429 with Retry-After and the RateLimit headers) and fill up again, each on its own, one
 * class not touching another; with Redis gone, requests pass. Clients come from different
 * loopback addresses (127.0.0.x) so that each test has IPs of its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitTest {

  static final String AUDIENCE = "emporium-api";

  @TempDir
  static Path dataDir;
  static MockOAuth2Server oauth;
  static TestNode node;
  static EmbeddedRedisServer replacement;

  @BeforeAll
  static void start() {
    oauth = new MockOAuth2Server(new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(new KeyProvider())));
    oauth.start();
    // role edge only: echo consumers stand in for the contexts; browse and cart buckets small, slow to fill
    node = TestNode.start(dataDir, Map.ofEntries(
        Map.entry("roles", "edge"),
        Map.entry("auth.oidc.issuer", oauth.issuerUrl("realm").toString()),
        Map.entry("auth.oidc.audience", AUDIENCE),
        Map.entry("auth.oidc.clientId", "web"),
        Map.entry("rateLimits.enabled", "true"),
        Map.entry("rateLimits.browse.perIp.capacity", "4"),
        Map.entry("rateLimits.browse.perIp.refillPerSecond", "0.5"),
        Map.entry("rateLimits.cart.perIp.capacity", "1000"),
        Map.entry("rateLimits.cart.perIp.refillPerSecond", "100"),
        Map.entry("rateLimits.cart.perCustomer.capacity", "3"),
        Map.entry("rateLimits.cart.perCustomer.refillPerSecond", "0.2")));
    Vertx vertx = node.node().vertx();
    for (String address : List.of("catalog.listCategories", "cart.get")) {
      vertx.eventBus().<JsonObject>consumer(address, message ->
          message.reply(new JsonObject().put("status", 200).put("body", new JsonObject().put("ok", true))));
    }
    // the edge learns the issuer's keys on the first token it sees; a slow machine may need a retry,
    // which must not spend the buckets the tests count (a customer and an address of its own)
    WebClient warm = client("127.0.0.9");
    Eventually.eventually(() -> get(warm, "/api/v1/carts/" + UUID.randomUUID(), token(UUID.randomUUID())),
        r -> r.statusCode() == 200, Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() {
    node.close();
    oauth.shutdown();
    if (replacement != null) {
      replacement.close();
    }
  }

  @Test
  @Order(1)
  void aClientIpRunsOutOfBrowseRequestsWithoutTouchingOtherIpsOrClassesAndRecovers() throws Exception {
    WebClient a = client("127.0.0.2");
    WebClient b = client("127.0.0.3");
    HttpResponse<Buffer> first = get(a, "/api/v1/categories", null);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.getHeader("RateLimit-Limit")).isEqualTo("4");
    assertThat(first.getHeader("RateLimit-Remaining")).isEqualTo("3");
    assertThat(Long.parseLong(first.getHeader("RateLimit-Reset"))).isPositive();

    HttpResponse<Buffer> refused = firstRefusal(a, "/api/v1/categories", null);
    assertTooMany(refused, "4");

    HttpResponse<Buffer> cart = get(a, "/api/v1/carts/" + UUID.randomUUID(), null);
    assertThat(cart.statusCode()).as("another class of the same IP").isEqualTo(200);
    assertThat(cart.getHeader("RateLimit-Limit")).isEqualTo("1000");
    assertThat(get(b, "/api/v1/categories", null).statusCode()).as("another IP").isEqualTo(200);
    assertThat(get(a, "/health/live", null).getHeader("RateLimit-Limit")).as("operations are exempt").isNull();

    HttpResponse<Buffer> again = Eventually.eventually(() -> get(a, "/api/v1/categories", null),
        r -> r.statusCode() == 200, Duration.ofSeconds(30));
    assertThat(again.getHeader("RateLimit-Remaining")).isEqualTo("0");
    assertThat(metric("emporium_ratelimit_refused_total{class=\"browse\"")).isPositive();
  }

  @Test
  @Order(2)
  void aCustomerRunsOutOfCartRequestsFromAnyIpAndRecovers() throws Exception {
    WebClient c = client("127.0.0.4");
    WebClient d = client("127.0.0.5");
    String alice = token(UUID.randomUUID());
    String bob = token(UUID.randomUUID());
    String path = "/api/v1/carts/" + UUID.randomUUID();
    HttpResponse<Buffer> first = get(c, path, alice);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.getHeader("RateLimit-Limit")).as("the customer's bucket is the tighter one").isEqualTo("3");
    assertThat(first.getHeader("RateLimit-Remaining")).isEqualTo("2");

    assertTooMany(firstRefusal(c, path, alice), "3");
    assertTooMany(get(d, path, alice), "3");
    assertThat(get(d, path, bob).statusCode()).as("another customer").isEqualTo(200);
    HttpResponse<Buffer> anonymous = get(c, path, null);
    assertThat(anonymous.statusCode()).as("the IP itself is not limited").isEqualTo(200);
    assertThat(anonymous.getHeader("RateLimit-Limit")).isEqualTo("1000");

    Eventually.eventually(() -> get(d, path, alice), r -> r.statusCode() == 200, Duration.ofSeconds(30));
  }

  @Test
  @Order(3)
  void grpcCallsFromOneIpRunOutOfTheirClassAndAreRefusedAsResourceExhausted() throws Exception {
    Vertx vertx = node.node().vertx();
    GrpcClient grpc = GrpcClient.client(vertx, new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
        .setHttp2ClearTextUpgrade(false).setLocalAddress("127.0.0.7"));
    NodeServiceGrpcClient client = NodeServiceGrpcClient.create(grpc,
        SocketAddress.inetSocketAddress(node.httpPort(), "127.0.0.1"));
    try {
      // browse holds 4 per IP: the first four pass, the fifth is refused before any service sees it
      for (int i = 0; i < 4; i++) {
        assertThat(client.getNode(GetNodeRequest.getDefaultInstance()).await(10, TimeUnit.SECONDS).getNodeId())
            .isNotBlank();
      }
      Throwable refused = catchThrowable(() -> client.getNode(GetNodeRequest.getDefaultInstance())
          .await(10, TimeUnit.SECONDS));
      assertThat(refused).isInstanceOf(InvalidStatusException.class);
      assertThat(((InvalidStatusException) refused).actualStatus()).isEqualTo(GrpcStatus.RESOURCE_EXHAUSTED);
      // and it fills up again
      Eventually.eventually(() -> passes(client), ok -> ok, Duration.ofSeconds(30));
    } finally {
      grpc.close().await(5, TimeUnit.SECONDS);
    }
  }

  @Test
  @Order(4)
  void requestsPassUncheckedWhileRedisIsGone() throws Exception {
    WebClient e = client("127.0.0.6");
    int port = node.config().redis().port();
    io.vertx.redis.client.Redis redis = new Clients(node.config()).redis(node.node().vertx());
    redis.send(Request.cmd(Command.SHUTDOWN).arg("NOSAVE")).otherwiseEmpty().await(10, TimeUnit.SECONDS);
    redis.close();
    double before = metric("emporium_ratelimit_unchecked_total");
    for (int i = 0; i < 10; i++) {
      HttpResponse<Buffer> passed = get(e, "/api/v1/categories", null);
      assertThat(passed.statusCode()).isEqualTo(200);
      assertThat(passed.getHeader("RateLimit-Limit")).isNull();
    }
    assertThat(metric("emporium_ratelimit_unchecked_total")).isGreaterThanOrEqualTo(before + 10);

    replacement = EmbeddedRedisServer.start(Files.createTempDirectory("ratelimit-redis"), port);
    HttpResponse<Buffer> checked = Eventually.eventually(() -> get(e, "/api/v1/categories", null),
        r -> r.getHeader("RateLimit-Limit") != null, Duration.ofSeconds(30));
    assertThat(checked.getHeader("RateLimit-Remaining")).as("a new Redis starts with full buckets").isEqualTo("3");
  }

  private static HttpResponse<Buffer> firstRefusal(WebClient client, String path, String token) {
    for (int i = 0; i < 50; i++) {
      HttpResponse<Buffer> response = get(client, path, token);
      if (response.statusCode() != 200) {
        return response;
      }
    }
    throw new AssertionError("50 requests in a row passed");
  }

  private static boolean passes(NodeServiceGrpcClient client) {
    try {
      client.getNode(GetNodeRequest.getDefaultInstance()).await(10, TimeUnit.SECONDS);
      return true;
    } catch (Exception refused) {
      return false;
    }
  }

  private static void assertTooMany(HttpResponse<Buffer> response, String limit) {
    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.getHeader("Content-Type")).startsWith(Problem.MEDIA_TYPE);
    assertThat(response.bodyAsJsonObject().getString("type")).isNotBlank();
    assertThat(Long.parseLong(response.getHeader("Retry-After"))).isPositive();
    assertThat(response.getHeader("RateLimit-Limit")).isEqualTo(limit);
    assertThat(response.getHeader("RateLimit-Remaining")).isEqualTo("0");
    assertThat(Long.parseLong(response.getHeader("RateLimit-Reset"))).isPositive();
  }

  private static String token(UUID customer) {
    return oauth.issueToken("realm", "web", new DefaultOAuth2TokenCallback("realm", customer.toString(), "JWT",
        List.of(AUDIENCE), Map.of("email", customer + "@example.com"), 3600)).serialize();
  }

  private static WebClient client(String localAddress) {
    return WebClient.create(node.node().vertx(), new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(node.httpPort()).setLocalAddress(localAddress));
  }

  private static HttpResponse<Buffer> get(WebClient client, String path, String token) {
    var request = client.request(HttpMethod.GET, path).timeout(10_000);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    try {
      return request.send().await(15, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static double metric(String prefix) {
    String text = get(client("127.0.0.1"), "/metrics", null).bodyAsString();
    return text.lines().filter(line -> line.startsWith(prefix)).mapToDouble(line ->
        Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
  }
}
