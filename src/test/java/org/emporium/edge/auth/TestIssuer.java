package org.emporium.edge.auth;

import com.nimbusds.jose.jwk.JWK;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OIDC issuer under the test's control: serves discovery and a JWKS of the keys it is told to
 * publish, counts every request by endpoint, and can be made to fail discovery. It also
 * advertises introspection and userinfo endpoints that would vouch for any token, so a verifier
 * that asked them would be caught accepting forgeries.
 */
public final class TestIssuer implements AutoCloseable {

  public static final String PATH = "/realms/test";

  private final HttpServer server;
  private final List<JWK> published = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private volatile boolean discoveryFails;

  private TestIssuer(HttpServer server) {
    this.server = server;
  }

  public static TestIssuer start(Vertx vertx) throws Exception {
    TestIssuer[] self = new TestIssuer[1];
    HttpServer server = vertx.createHttpServer().requestHandler(request -> self[0].answer(request));
    self[0] = new TestIssuer(server);
    server.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    return self[0];
  }

  public String url() {
    return "http://127.0.0.1:" + server.actualPort() + PATH;
  }

  public TestIssuer publish(JWK key) {
    published.add(key);
    return this;
  }

  public TestIssuer failDiscovery(boolean fail) {
    discoveryFails = fail;
    return this;
  }

  /** Requests so far to an endpoint: {@code discovery}, {@code jwks}, {@code introspect}, {@code userinfo}. */
  public int requests(String endpoint) {
    AtomicInteger count = requests.get(endpoint);
    return count == null ? 0 : count.get();
  }

  private void answer(io.vertx.core.http.HttpServerRequest request) {
    String endpoint = switch (request.path().substring(Math.min(request.path().length(), PATH.length()))) {
      case "/.well-known/openid-configuration" -> "discovery";
      case "/jwks" -> "jwks";
      case "/introspect" -> "introspect";
      case "/userinfo" -> "userinfo";
      default -> "other";
    };
    requests.computeIfAbsent(endpoint, e -> new AtomicInteger()).incrementAndGet();
    JsonObject body = switch (endpoint) {
      case "discovery" -> discoveryFails ? null : discovery();
      case "jwks" -> new JsonObject().put("keys", new JsonArray(published.stream()
          .map(key -> (Object) new JsonObject(key.toPublicJWK().toJSONObject())).toList()));
      case "introspect", "userinfo" -> new JsonObject().put("active", true).put("sub", "anyone");
      default -> null;
    };
    if (body == null) {
      request.response().setStatusCode(endpoint.equals("discovery") ? 500 : 404).end();
    } else {
      request.response().putHeader("Content-Type", "application/json").end(body.encode());
    }
  }

  private JsonObject discovery() {
    String url = url();
    return new JsonObject()
        .put("issuer", url)
        .put("authorization_endpoint", url + "/auth")
        .put("token_endpoint", url + "/token")
        .put("jwks_uri", url + "/jwks")
        .put("userinfo_endpoint", url + "/userinfo")
        .put("introspection_endpoint", url + "/introspect")
        .put("grant_types_supported", new JsonArray().add("authorization_code").add("refresh_token"))
        .put("id_token_signing_alg_values_supported", new JsonArray().add("RS256"));
  }

  @Override
  public void close() {
    server.close().await();
  }
}
