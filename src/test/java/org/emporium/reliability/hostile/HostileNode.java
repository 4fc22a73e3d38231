package org.emporium.reliability.hostile;

import com.nimbusds.jose.jwk.RSAKey;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.redis.client.Redis;
import io.vertx.sqlclient.Pool;
import org.emporium.edge.auth.TestIssuer;
import org.emporium.edge.auth.Tokens;
import org.emporium.platform.clients.Clients;
import org.emporium.testing.SharedNodes;
import org.emporium.testing.TestNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One real node of every context for the hostile-input and security suites, shared by their test
 * classes: rate limits on (roomy, except the checkout class, whose per-IP bucket the security
 * matrix empties from an address of its own), CORS allowing one origin, an external OIDC issuer
 * under the tests' control next to the built-in one, and a seeded {@link World}.
 */
public final class HostileNode implements AutoCloseable {

  public static final String ADMIN_PASSWORD = "An admin password for tests";
  public static final String ALLOWED_ORIGIN = "https://shop.example";
  public static final String OIDC_AUDIENCE = "emporium-tests";
  /**
   * Checkout requests one client IP may send before 429: more than the fuzzer sends from its own
   * address in either mode, few enough that the security matrix reaches the limit from another.
   */
  public static final int CHECKOUT_BURST = "full".equals(System.getProperty("reliability.mode")) ? 4000 : 400;

  private final Vertx side;
  private final TestIssuer issuer;
  private final RSAKey issuerKey;
  private final TestNode node;
  private final WebClient web;
  private final Pool db;
  private final Redis redis;
  private World world;

  private HostileNode(Vertx side, TestIssuer issuer, RSAKey issuerKey, TestNode node) {
    this.side = side;
    this.issuer = issuer;
    this.issuerKey = issuerKey;
    this.node = node;
    this.web = WebClient.create(vertx(), new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(node.httpPort()).setMaxInitialLineLength(65_536), new PoolOptions().setHttp1MaxSize(32));
    Clients clients = new Clients(node.config());
    this.db = clients.postgresUnshared(vertx(), "platform", 2);
    this.redis = clients.redis(vertx());
  }

  /** The node the reliability suites share; started and seeded on first use. */
  public static HostileNode shared() {
    return SharedNodes.get("reliability-hostile", () -> {
      HostileNode started = start();
      started.world = World.seed(started);
      // what seeding set off (events, consumers, copies) ends before any suite looks at the stores
      new Fingerprint(started).quiet();
      return started;
    });
  }

  private static HostileNode start() {
    Vertx side = Vertx.vertx();
    try {
      RSAKey key = Tokens.newKey("tests-key-1");
      TestIssuer issuer = TestIssuer.start(side).publish(key);
      Map<String, String> settings = new HashMap<>();
      settings.put("adminPassword", ADMIN_PASSWORD);
      settings.put("identity.password.memoryKib", "64");
      settings.put("identity.password.iterations", "1");
      // every sign-in the suites make comes from this machine; the per-account limit stays
      settings.put("identity.loginLimits.perIp.attempts", "1000000");
      settings.put("checkout.stepTimeoutMs", "3000");
      settings.put("checkout.retryDelayMs", "50");
      // carts reach their durable copy soon after a change, so that the stores settle quickly
      settings.put("cart.flushDelayMs", "20");
      settings.put("cart.sweepIntervalMs", "100");
      settings.put("http.cors.allowedOrigins", ALLOWED_ORIGIN);
      settings.put("auth.oidc.issuer", issuer.url());
      settings.put("auth.oidc.audience", OIDC_AUDIENCE);
      settings.put("auth.oidc.realmRoles", "{\"shop-admin\": \"admin\"}");
      settings.put("rateLimits.enabled", "true");
      settings.put("rateLimits.timeoutMs", "1000");
      for (String rateClass : new String[] {"auth", "browse", "cart"}) {
        for (String bucket : new String[] {"perIp", "perCustomer"}) {
          settings.put("rateLimits." + rateClass + "." + bucket + ".capacity", "1000000");
          settings.put("rateLimits." + rateClass + "." + bucket + ".refillPerSecond", "100000");
        }
      }
      for (String bucket : new String[] {"perIp", "perCustomer"}) {
        settings.put("rateLimits.checkout." + bucket + ".capacity", String.valueOf(CHECKOUT_BURST));
        settings.put("rateLimits.checkout." + bucket + ".refillPerSecond", "0.001");
      }
      TestNode node = TestNode.start(Files.createTempDirectory("reliability-hostile"), settings);
      return new HostileNode(side, issuer, key, node);
    } catch (IOException e) {
      side.close();
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      side.close();
      throw new IllegalStateException("The reliability node did not start", e);
    }
  }

  public Vertx vertx() {
    return node.node().vertx();
  }

  public int port() {
    return node.httpPort();
  }

  public TestNode node() {
    return node;
  }

  public World world() {
    return world;
  }

  public Pool db() {
    return db;
  }

  public Redis redis() {
    return redis;
  }

  public WebClient web() {
    return web;
  }

  /** The external issuer's URL and signing key, for tokens that differ from a genuine one in one way. */
  public String issuerUrl() {
    return issuer.url();
  }

  public RSAKey issuerKey() {
    return issuerKey;
  }

  /** Requests the external issuer got at an endpoint: {@code discovery}, {@code jwks}, {@code introspect}, {@code userinfo}. */
  public int issuerRequests(String endpoint) {
    return issuer.requests(endpoint);
  }

  /** A REST request: {@code headers} may carry Authorization, Content-Type and anything else. */
  public Future<HttpResponse<Buffer>> send(HttpMethod method, String uri, MultiMap headers, Buffer body) {
    HttpRequest<Buffer> request = web.request(method, uri).timeout(40_000);
    request.headers().addAll(headers);
    return body == null ? request.send() : request.sendBuffer(body);
  }

  /** A JSON request with an optional bearer token, awaited. */
  public HttpResponse<Buffer> call(HttpMethod method, String uri, String token, JsonObject body) {
    return call(method, uri, token, body, MultiMap.caseInsensitiveMultiMap());
  }

  /** As {@link #call(HttpMethod, String, String, JsonObject)} with more headers. */
  public HttpResponse<Buffer> call(HttpMethod method, String uri, String token, JsonObject body, MultiMap extra) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(extra);
    if (token != null) {
      headers.add("Authorization", "Bearer " + token);
    }
    if (body != null) {
      headers.add("Content-Type", "application/json");
    }
    return await(send(method, uri, headers, body == null ? null : body.toBuffer()));
  }

  /** As {@link #call}, failing unless the status is {@code status}; the JSON body, or an empty object. */
  public JsonObject expect(int status, HttpMethod method, String uri, String token, JsonObject body) {
    return expect(status, method, uri, token, body, MultiMap.caseInsensitiveMultiMap());
  }

  /** As {@link #expect(int, HttpMethod, String, String, JsonObject)} with more headers. */
  public JsonObject expect(int status, HttpMethod method, String uri, String token, JsonObject body, MultiMap extra) {
    HttpResponse<Buffer> response = call(method, uri, token, body, extra);
    if (response.statusCode() != status) {
      throw new AssertionError(method + " " + uri + " answered " + response.statusCode() + ": " + response.bodyAsString());
    }
    String text = response.bodyAsString();
    return text == null || text.isEmpty() ? new JsonObject() : new JsonObject(text);
  }

  public static <T> T await(Future<T> future) {
    try {
      return future.await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    web.close();
    db.close();
    redis.close();
    node.close();
    issuer.close();
    side.close();
  }
}
