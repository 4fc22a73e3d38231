package org.emporium.edge.auth;

import com.nimbusds.jose.jwk.RSAKey;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.emporium.platform.error.Problem;
import org.emporium.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST edge of a real node trusting a real external OIDC issuer (mock-oauth2-server:
 * discovery, JWKS, RS256 tokens shaped like Keycloak's). Echo consumers stand in for the
 * contexts and answer with the envelope the edge forwarded.
 */
class EdgeAuthenticationTest {

  static final String AUDIENCE = "emporium-api";
  static final String CLIENT = "emporium-web";

  @TempDir
  static Path dataDir;
  static KeyProvider keys;
  static MockOAuth2Server oauth;
  static String issuer;
  static TestNode node;
  static WebClient client;
  static final AtomicInteger forwarded = new AtomicInteger();

  @BeforeAll
  static void start() {
    keys = new KeyProvider();
    oauth = new MockOAuth2Server(new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(keys)));
    oauth.start();
    issuer = oauth.issuerUrl("realm").toString();
    // role edge only: the echo consumers below stand in for the contexts, which must not answer too
    node = TestNode.start(dataDir, Map.of(
        "roles", "edge",
        "auth.oidc.issuer", issuer,
        "auth.oidc.audience", AUDIENCE,
        "auth.oidc.clientId", CLIENT,
        "auth.oidc.realmRoles", "{\"shop-admin\": \"admin\"}",
        "auth.oidc.clientRoles", "{\"seller\": \"seller\"}"));
    Vertx vertx = node.node().vertx();
    for (String address : List.of("customer.getProfile", "customer.updateProfile", "identity.getAccount", "cart.get",
        "catalog.listCategories")) {
      vertx.eventBus().<JsonObject>consumer(address, message -> {
        forwarded.incrementAndGet();
        message.reply(new JsonObject().put("status", 200).put("body", message.body()));
      });
    }
    client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(node.httpPort()));
  }

  @AfterAll
  static void stop() {
    client.close();
    node.close();
    oauth.shutdown();
  }

  @BeforeEach
  void countFromZero() {
    forwarded.set(0);
  }

  static String issue(String issuerId, String subject, List<String> audience, Map<String, Object> claims, long expiry) {
    return oauth.issueToken(issuerId, CLIENT, new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", audience,
        claims, expiry)).serialize();
  }

  static String keycloakToken(String subject, List<String> realmRoles, List<String> clientRoles) {
    return issue("realm", subject, List.of(AUDIENCE), Map.of(
        "realm_access", Map.of("roles", realmRoles),
        "resource_access", Map.of(CLIENT, Map.of("roles", clientRoles), "account", Map.of("roles", List.of("shop-admin"))),
        "email", subject + "@example.com", "preferred_username", subject, "sid", "kc-session"), 3600);
  }

  /** The key the issuer signs with, to forge tokens that differ from genuine ones in one way only. */
  static RSAKey issuerKey() {
    try {
      return keys.signingKey("realm").toRSAKey();
    } catch (RuntimeException e) {
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<Buffer> call(HttpMethod method, String path, String token, JsonObject body) throws Exception {
    var request = client.request(method, path).timeout(10_000);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    return (body == null ? request.send() : request.sendJsonObject(body)).await(15, TimeUnit.SECONDS);
  }

  static JsonObject assertProblem(HttpResponse<Buffer> response, int status, String challenge) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).startsWith(Problem.MEDIA_TYPE);
    assertThat(response.getHeader("WWW-Authenticate")).isEqualTo(challenge);
    JsonObject problem = response.bodyAsJsonObject();
    assertThat(problem.getInteger("status")).isEqualTo(status);
    assertThat(problem.getString("detail")).doesNotContainIgnoringCase("exception").doesNotContain("vertx");
    return problem;
  }

  static JsonObject assertUnauthenticated(String token) throws Exception {
    JsonObject problem = assertProblem(call(HttpMethod.GET, "/api/v1/me", token, null), 401,
        "Bearer error=\"invalid_token\"");
    assertThat(problem.getString("type")).isEqualTo("/problems/unauthenticated");
    return problem;
  }

  @Test
  void aKeycloakShapedTokenIsAcceptedAndItsRolesMapped() throws Exception {
    HttpResponse<Buffer> response = call(HttpMethod.GET, "/api/v1/me",
        keycloakToken("alice", List.of("shop-admin", "offline_access"), List.of("seller")), null);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject principal = response.bodyAsJsonObject().getJsonObject("principal");
    assertThat(principal.getString("subject")).isEqualTo("alice");
    assertThat(principal.getString("issuer")).isEqualTo(issuer);
    assertThat(principal.getString("customerId")).isEqualTo(UUID.nameUUIDFromBytes((issuer + "|alice").getBytes()).toString());
    assertThat(principal.getJsonArray("roles")).containsExactly("admin", "customer", "seller");
    assertThat(principal.getJsonArray("permissions")).contains("*", "customer:self", "catalog:write");
    assertThat(principal.getString("sessionId")).isEqualTo("kc-session");
    assertThat(principal.getString("email")).isEqualTo("alice@example.com");
    assertThat(principal.getString("name")).isEqualTo("alice");
    assertThat(response.bodyAsJsonObject().getJsonObject("client").getString("ip")).isEqualTo("127.0.0.1");
  }

  @Test
  void theDefaultRoleAloneMayReadItsProfileButNotAdministerAccounts() throws Exception {
    String customer = keycloakToken("bob", List.of(), List.of());
    HttpResponse<Buffer> me = call(HttpMethod.GET, "/api/v1/me", customer, null);
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.bodyAsJsonObject().getJsonObject("principal").getJsonArray("roles")).containsExactly("customer");

    String account = "/api/v1/admin/accounts/" + UUID.randomUUID();
    JsonObject problem = assertProblem(call(HttpMethod.GET, account, customer, null), 403,
        "Bearer error=\"insufficient_scope\"");
    assertThat(problem.getString("type")).isEqualTo("/problems/forbidden");
    assertThat(forwarded.get()).isEqualTo(1);

    HttpResponse<Buffer> admin = call(HttpMethod.GET, account, keycloakToken("root", List.of("shop-admin"), List.of()), null);
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(admin.bodyAsJsonObject().getJsonObject("principal").getJsonArray("permissions")).contains("*", "customer:self");
  }

  @Test
  void aBearerOperationWithoutATokenIs401WithABareChallenge() throws Exception {
    JsonObject problem = assertProblem(call(HttpMethod.GET, "/api/v1/me", null, null), 401, "Bearer");
    assertThat(problem.getString("detail")).contains("needs an access token");
    assertThat(forwarded.get()).isZero();
  }

  @Test
  void everyForgedOrUnfitTokenIs401AndNeverReachesTheContext() throws Exception {
    long now = Instant.now().getEpochSecond();
    RSAKey key = issuerKey();
    JsonObject genuine = Tokens.withRealmRoles(Tokens.claims(issuer, "mallory", AUDIENCE));
    JsonObject noAudience = genuine.copy();
    noAudience.remove("aud");
    String signed = keycloakToken("mallory", List.of(), List.of());

    assertThat(Tokens.sign(key, genuine)).as("the forging key is the issuer's own")
        .satisfies(token -> assertThat(call(HttpMethod.GET, "/api/v1/me", token, null).statusCode()).isEqualTo(200));
    forwarded.set(0);

    assertUnauthenticated(Tokens.unsigned(genuine));
    assertUnauthenticated(Tokens.hmacWithPublicKey(key, genuine));
    assertUnauthenticated(issue("other", "mallory", List.of(AUDIENCE), Map.of(), 3600));
    assertUnauthenticated(Tokens.sign(key, noAudience));
    assertUnauthenticated(issue("realm", "mallory", List.of("another-api"), Map.of(), 3600));
    assertThat(assertUnauthenticated(issue("realm", "mallory", List.of(AUDIENCE), Map.of(), -120)).getString("detail"))
        .isEqualTo("The access token has expired.");
    assertThat(assertUnauthenticated(Tokens.sign(key, genuine.copy().put("nbf", now + 600))).getString("detail"))
        .isEqualTo("The access token is not valid yet.");
    assertThat(assertUnauthenticated(Tokens.sign(Tokens.newKey("rotated-away"), genuine)).getString("detail"))
        .isEqualTo("The access token is signed with an unknown key.");
    assertUnauthenticated(Tokens.withPayload(signed,
        Tokens.withRealmRoles(Tokens.payload(signed), "shop-admin")));
    assertUnauthenticated("garbage");
    assertUnauthenticated("e30.e30.e30");

    assertThat(forwarded.get()).isZero();
    String metrics = call(HttpMethod.GET, "/metrics", null, null).bodyAsString();
    assertThat(metrics).contains("emporium_auth_failures_total{reason=\"expired\"")
        .contains("emporium_auth_failures_total{reason=\"algorithm\"");
  }

  @Test
  void anOptionalSecurityOperationTakesAnonymousCallsAndStillRefusesBadTokens() throws Exception {
    String cart = "/api/v1/carts/" + UUID.randomUUID();
    HttpResponse<Buffer> anonymous = call(HttpMethod.GET, cart, null, null);
    assertThat(anonymous.statusCode()).isEqualTo(200);
    assertThat(anonymous.bodyAsJsonObject().containsKey("principal")).isFalse();
    assertThat(anonymous.bodyAsJsonObject().getJsonObject("client").getString("ip")).isEqualTo("127.0.0.1");

    HttpResponse<Buffer> signedIn = call(HttpMethod.GET, cart, keycloakToken("carol", List.of(), List.of()), null);
    assertThat(signedIn.bodyAsJsonObject().getJsonObject("principal").getString("subject")).isEqualTo("carol");

    assertProblem(call(HttpMethod.GET, cart, "garbage", null), 401, "Bearer error=\"invalid_token\"");
    assertThat(forwarded.get()).isEqualTo(2);
  }

  @Test
  void anOperationWithoutSecurityIgnoresCredentials() throws Exception {
    HttpResponse<Buffer> response = call(HttpMethod.GET, "/api/v1/categories", "garbage", null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().containsKey("principal")).isFalse();
  }

  @Test
  void authenticationComesBeforeValidation() throws Exception {
    JsonObject invalid = new JsonObject().put("unknownMember", true);
    assertProblem(call(HttpMethod.PATCH, "/api/v1/me", null, invalid), 401, "Bearer");
    HttpResponse<Buffer> signedIn = call(HttpMethod.PATCH, "/api/v1/me", keycloakToken("dave", List.of(), List.of()), invalid);
    assertThat(signedIn.statusCode()).isEqualTo(400);
    assertThat(forwarded.get()).isZero();
  }
}
