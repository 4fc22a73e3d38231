package org.emporium.edge.auth;

import com.nimbusds.jose.jwk.RSAKey;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The authenticator against an issuer the test controls (discovery and JWKS over real HTTP,
 * request counts), run on one Vert.x context as an edge verticle runs it.
 */
@ExtendWith(VertxExtension.class)
class OidcAuthenticatorTest {

  static final String AUDIENCE = "emporium-api";
  static final RolePermissions PERMISSIONS = new RolePermissions(Map.of(
      "customer", Set.of("customer:self", "cart:own"), "seller", Set.of("customer:self", "catalog:write"),
      "admin", Set.of("*")));

  TestIssuer issuer;
  RSAKey key;
  MutableClock clock = new MutableClock();
  SimpleMeterRegistry registry = new SimpleMeterRegistry();
  Context context;
  OidcAuthenticator authenticator;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    key = Tokens.newKey("key-1");
    issuer = TestIssuer.start(vertx).publish(key);
    RoleMapping mapping = new RoleMapping(Map.of("shop-admin", "admin"), "web", Map.of("seller", "seller"),
        Set.of("customer"), "shop_id");
    AuthSettings settings = new AuthSettings(List.of(new TrustedIssuer(issuer.url(), AUDIENCE, "web", mapping)),
        Set.of("RS256", "ES256"), 30, 5000, 60_000, PERMISSIONS);
    context = vertx.getOrCreateContext();
    authenticator = new OidcAuthenticator(vertx, settings, clock, new AuthMetrics(registry));
  }

  @AfterEach
  void stop() {
    authenticator.close();
    issuer.close();
  }

  JsonObject claims() {
    return Tokens.claims(issuer.url(), "alice", AUDIENCE);
  }

  <T> Future<T> onContext(Supplier<Future<T>> action) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(promise));
    return promise.future();
  }

  static <T> T await(Future<T> future) {
    try {
      return future.await(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no answer in time", e);
    }
  }

  Principal accept(String token) {
    return await(onContext(() -> authenticator.authenticate("Bearer " + token)));
  }

  Problem refusal(String authorization) {
    try {
      await(onContext(() -> authenticator.authenticate(authorization)));
    } catch (ProblemException refused) {
      return refused.problem();
    }
    return fail("accepted: " + authorization);
  }

  void assertRefused(String authorization, AuthFailure reason) {
    assertThat(refusal(authorization)).as(reason.tag()).isEqualTo(reason.toException().problem());
  }

  double failures(AuthFailure reason) {
    return registry.get("emporium.auth.failures").tag("reason", reason.tag()).counter().count();
  }

  @Test
  void aValidTokenBecomesThePrincipalWithMappedRolesAndPermissions() {
    JsonObject token = Tokens.withClientRoles(Tokens.withRealmRoles(claims(), "shop-admin", "offline_access"),
        "web", "seller", "viewer").put("shop_id", 42).put("preferred_username", "al");
    token.remove("name");

    Principal principal = accept(Tokens.sign(key, token));

    assertThat(principal.subject()).isEqualTo("alice");
    assertThat(principal.issuer()).isEqualTo(issuer.url());
    assertThat(principal.customerId()).isEqualTo(UUID.nameUUIDFromBytes((issuer.url() + "|alice").getBytes()));
    assertThat(principal.roles()).containsExactlyInAnyOrder("customer", "admin", "seller");
    assertThat(principal.permissions()).contains("*", "customer:self", "catalog:write");
    assertThat(principal.shopId()).isEqualTo("42");
    assertThat(principal.sessionId()).isEqualTo("session-1");
    assertThat(principal.email()).isEqualTo("alice@example.com");
    assertThat(principal.name()).isEqualTo("al");
  }

  @Test
  void defaultRolesAloneGrantOnlyTheirPermissions() {
    Principal principal = accept(Tokens.sign(key, Tokens.withRealmRoles(claims(), "unmapped")));
    assertThat(principal.roles()).containsExactly("customer");
    assertThat(principal.permissions()).containsExactlyInAnyOrder("customer:self", "cart:own");
    assertThat(principal.has("identity:accounts:manage")).isFalse();
  }

  @Test
  void tokensThatFailTheCheapChecksAreRefusedWithoutAskingTheIssuer() {
    long now = clock.millis() / 1000;
    assertRefused(null, AuthFailure.MISSING_TOKEN);
    assertRefused("Basic YWxpY2U6c2VjcmV0", AuthFailure.MALFORMED_HEADER);
    assertRefused("Bearer", AuthFailure.MALFORMED_HEADER);
    assertRefused("Bearer a b", AuthFailure.MALFORMED_HEADER);
    assertRefused("Bearer not-a-jwt", AuthFailure.MALFORMED_TOKEN);
    assertRefused("Bearer a.b.c", AuthFailure.MALFORMED_TOKEN);
    assertRefused("Bearer " + Tokens.unsigned(claims()), AuthFailure.ALGORITHM);
    assertRefused("Bearer " + Tokens.hmacWithPublicKey(key, claims()), AuthFailure.ALGORITHM);
    assertRefused("Bearer " + Tokens.sign(key, claims().put("iss", issuer.url() + "/")), AuthFailure.ISSUER);
    assertRefused("Bearer " + Tokens.sign(key, claims().put("iss", "https://elsewhere.example")), AuthFailure.ISSUER);
    JsonObject noAudience = claims();
    noAudience.remove("aud");
    assertRefused("Bearer " + Tokens.sign(key, noAudience), AuthFailure.AUDIENCE);
    assertRefused("Bearer " + Tokens.sign(key, claims().put("aud", "someone-else")), AuthFailure.AUDIENCE);
    assertRefused("Bearer " + Tokens.sign(key, claims().put("exp", now - 31)), AuthFailure.EXPIRED);
    assertRefused("Bearer " + Tokens.sign(key, claims().put("nbf", now + 120)), AuthFailure.NOT_YET_VALID);
    JsonObject noSubject = claims();
    noSubject.remove("sub");
    assertRefused("Bearer " + Tokens.sign(key, noSubject), AuthFailure.CLAIMS);
    JsonObject noExpiry = claims();
    noExpiry.remove("exp");
    assertRefused("Bearer " + Tokens.sign(key, noExpiry), AuthFailure.CLAIMS);

    assertThat(issuer.requests("discovery")).isZero();
    assertThat(issuer.requests("jwks")).isZero();
    assertThat(failures(AuthFailure.MALFORMED_HEADER)).isEqualTo(3);
    assertThat(failures(AuthFailure.ALGORITHM)).isEqualTo(2);
  }

  @Test
  void es256TokensAreVerifiedWithThePublishedEcKey() {
    com.nimbusds.jose.jwk.ECKey ec = Tokens.newEcKey("ec-1");
    issuer.publish(ec);
    assertThat(accept(Tokens.sign(ec, claims())).subject()).isEqualTo("alice");
    assertRefused("Bearer " + Tokens.sign(Tokens.newEcKey("ec-1"), claims()), AuthFailure.SIGNATURE);
  }

  @Test
  void withinTheClockSkewATokenIsStillAccepted() {
    long now = clock.millis() / 1000;
    assertThat(accept(Tokens.sign(key, claims().put("exp", now + 5).put("nbf", now + 20))).subject()).isEqualTo("alice");
  }

  @Test
  void aTamperedOrForeignSignedTokenIsRefusedAndNeverSentToTheIssuer() {
    String genuine = Tokens.sign(key, claims());
    accept(genuine);
    JsonObject elevated = Tokens.withRealmRoles(Tokens.payload(genuine), "shop-admin");
    assertRefused("Bearer " + Tokens.withPayload(genuine, elevated), AuthFailure.SIGNATURE);
    RSAKey impostor = Tokens.newKey("key-1");
    assertRefused("Bearer " + Tokens.sign(impostor, claims()), AuthFailure.SIGNATURE);

    assertThat(issuer.requests("introspect")).isZero();
    assertThat(issuer.requests("userinfo")).isZero();
    assertThat(failures(AuthFailure.SIGNATURE)).isEqualTo(2);
  }

  @Test
  void concurrentFirstRequestsShareOneDiscovery() {
    String token = Tokens.sign(key, claims());
    List<Future<Principal>> calls = new ArrayList<>();
    await(onContext(() -> {
      for (int i = 0; i < 8; i++) {
        calls.add(authenticator.authenticate("Bearer " + token));
      }
      return Future.all(calls);
    }));

    assertThat(calls).allSatisfy(call -> assertThat(call.result().subject()).isEqualTo("alice"));
    assertThat(issuer.requests("discovery")).isEqualTo(1);
  }

  @Test
  void aFailedDiscoveryIsAnUnavailableIssuerAndIsTriedAgain() {
    issuer.failDiscovery(true);
    String token = Tokens.sign(key, claims());
    assertRefused("Bearer " + token, AuthFailure.ISSUER_UNAVAILABLE);
    assertThat(refusal("Bearer " + token).status()).isEqualTo(503);

    issuer.failDiscovery(false);
    assertThat(accept(token).subject()).isEqualTo("alice");
    assertThat(issuer.requests("discovery")).isEqualTo(3);
  }

  @Test
  void anUnknownKeyReFetchesTheJwksAtMostOncePerIntervalAndPicksUpARotatedKey() {
    accept(Tokens.sign(key, claims()));
    int afterDiscovery = issuer.requests("jwks");
    RSAKey rotated = Tokens.newKey("key-2");
    String rotatedToken = Tokens.sign(rotated, claims());

    // the keys were fetched moments ago: no re-fetch yet, even once the key is published
    assertRefused("Bearer " + rotatedToken, AuthFailure.UNKNOWN_KEY);
    issuer.publish(rotated);
    assertRefused("Bearer " + rotatedToken, AuthFailure.UNKNOWN_KEY);
    assertThat(issuer.requests("jwks")).isEqualTo(afterDiscovery);

    clock.advance(Duration.ofSeconds(61));
    assertThat(accept(rotatedToken).subject()).isEqualTo("alice");
    assertThat(issuer.requests("jwks")).isEqualTo(afterDiscovery + 1);
    assertThat(accept(Tokens.sign(key, claims())).subject()).as("the old key still works").isEqualTo("alice");

    String neverPublished = Tokens.sign(Tokens.newKey("key-3"), claims());
    clock.advance(Duration.ofSeconds(61));
    for (int i = 0; i < 5; i++) {
      assertRefused("Bearer " + neverPublished, AuthFailure.UNKNOWN_KEY);
    }
    assertThat(issuer.requests("jwks")).isEqualTo(afterDiscovery + 2);
    assertThat(failures(AuthFailure.UNKNOWN_KEY)).isEqualTo(7);
  }

  @Test
  void aVerifiedTokenIsRememberedUntilItExpires() {
    String token = Tokens.sign(key, claims().put("exp", clock.millis() / 1000 + 60));
    Principal first = accept(token);
    assertThat(accept(token)).as("served from memory").isSameAs(first);

    clock.advance(Duration.ofSeconds(91));
    assertRefused("Bearer " + token, AuthFailure.EXPIRED);
  }

  @Test
  void rememberedTokensAreForgottenWhenTheKeysAreFetchedAgain() {
    String token = Tokens.sign(key, claims());
    Principal first = accept(token);
    RSAKey rotated = Tokens.newKey("key-2");
    issuer.publish(rotated);
    clock.advance(Duration.ofSeconds(61));
    accept(Tokens.sign(rotated, claims()));

    Principal again = accept(token);
    assertThat(again).as("verified anew").isNotSameAs(first).isEqualTo(first);
  }
}
