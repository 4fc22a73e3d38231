package org.emporium.identity;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.emporium.platform.error.Problem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

/** identity.login, the access token's claims and signature, and the issuer's public documents. */
@ExtendWith(SharedIdentityNode.class)
class SignInTest {

  static IdentityNode node;
  static Flows flows;

  @BeforeAll
  static void setUp(IdentityNode shared) {
    node = shared;
    flows = new Flows(shared);
  }

  @Test
  void signsInWithATokenPairAndStartsASession() {
    String email = flows.newAccount();
    JsonObject reply = node.call("identity.login", Envelopes.login(email.toUpperCase(), Flows.PASSWORD));

    assertThat(reply.getInteger("status")).isEqualTo(200);
    assertThat(reply.getJsonObject("headers").getString("Cache-Control")).isEqualTo("no-store");
    JsonObject pair = reply.getJsonObject("body");
    assertThat(pair.fieldNames()).containsExactlyInAnyOrder("access_token", "refresh_token", "token_type", "expires_in");
    assertThat(pair.getString("token_type")).isEqualTo("Bearer");
    assertThat(pair.getLong("expires_in")).isEqualTo(600);
    assertThat(pair.getString("refresh_token")).matches("[A-Za-z0-9_-]{43}");
    UUID account = node.sql("SELECT id FROM identity.account WHERE email = $1", email).iterator().next().getUUID("id");
    assertThat(node.count("SELECT count(*) FROM identity.session WHERE account_id = $1 AND revoked_at IS NULL",
        account)).isEqualTo(1);
    assertThat(node.count("SELECT count(*) FROM identity.refresh_token WHERE account_id = $1 AND used_at IS NULL",
        account)).isEqualTo(1);
  }

  @Test
  void theAccessTokenCarriesTheDesignedClaimsAndVerifiesAgainstTheJwks() throws Exception {
    String email = flows.newAccount();
    JsonObject pair = flows.login(email, Flows.PASSWORD);
    JsonObject header = IssuedTokens.header(pair.getString("access_token"));
    JsonObject claims = flows.claims(pair);

    assertThat(header.getString("alg")).isEqualTo("RS256");
    assertThat(header.getString("typ")).isEqualTo("JWT");
    Row account = node.sql("SELECT id FROM identity.account WHERE email = $1", email).iterator().next();
    String sessionId = node.sql("SELECT id FROM identity.session WHERE account_id = $1", account.getUUID("id"))
        .iterator().next().getUUID("id").toString();
    assertThat(claims.getString("iss")).isEqualTo("http://localhost:" + node.config().http().port());
    assertThat(claims.getString("sub")).isEqualTo(account.getUUID("id").toString());
    assertThat(claims.getString("aud")).isEqualTo("emporium");
    assertThat(claims.getLong("nbf")).isEqualTo(claims.getLong("iat"));
    assertThat(claims.getLong("exp") - claims.getLong("iat")).isEqualTo(600);
    assertThat(claims.getLong("iat")).isCloseTo(System.currentTimeMillis() / 1000, offset(60L));
    assertThat(UUID.fromString(claims.getString("jti"))).isNotNull();
    assertThat(claims.getString("sid")).isEqualTo(sessionId);
    assertThat(claims.getString("email")).isEqualTo(email);
    assertThat(claims.getString("name")).isEqualTo("Ada Lovelace");
    assertThat(IssuedTokens.roles(claims)).isEqualTo(new JsonArray().add("customer"));
    assertThat(claims.containsKey("shop_id")).isFalse();
    assertThat(flows.claims(flows.login(email, Flows.PASSWORD)).getString("jti")).isNotEqualTo(claims.getString("jti"));
  }

  @Test
  void aTamperedTokenDoesNotVerify() throws Exception {
    JsonObject pair = flows.login(flows.newAccount(), Flows.PASSWORD);
    String[] parts = pair.getString("access_token").split("\\.");
    JsonObject claims = flows.claims(pair).put("realm_access", new JsonObject().put("roles", new JsonArray().add("admin")));
    String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    assertThatThrownBy(() -> IssuedTokens.verify(forged, flows.jwks()))
        .hasMessageContaining("signature does not verify");
  }

  @Test
  void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
    String email = flows.newAccount();
    Problem wrongPassword = node.problem("identity.login", Envelopes.login(email, "not the password"));
    Problem unknownEmail = node.problem("identity.login", Envelopes.login(IdentityNode.newEmail(), Flows.PASSWORD));

    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(wrongPassword.detail()).isEqualTo("Email or password is wrong.");
    assertThat(unknownEmail).isEqualTo(wrongPassword);
    assertThat(node.count("SELECT count(*) FROM identity.session s JOIN identity.account a ON a.id = s.account_id "
        + "WHERE a.email = $1", email)).isZero();
  }

  @Test
  void discoveryNamesTheIssuerAndItsKeys() {
    JsonObject reply = node.call("identity.discovery", Envelopes.empty());
    JsonObject doc = reply.getJsonObject("body");
    String issuer = "http://localhost:" + node.config().http().port();

    assertThat(reply.getJsonObject("headers").getString("Cache-Control")).isEqualTo("public, max-age=300");
    assertThat(doc.getString("issuer")).isEqualTo(issuer);
    assertThat(doc.getString("jwks_uri")).isEqualTo(issuer + "/.well-known/jwks.json");
    assertThat(doc.getString("token_endpoint")).isEqualTo(issuer + "/api/v1/auth/login");
    assertThat(doc.getJsonArray("id_token_signing_alg_values_supported")).containsExactly("RS256");
    assertThat(doc.getJsonArray("subject_types_supported")).containsExactly("public");
    assertThat(doc.getJsonArray("grant_types_supported")).containsExactly("password", "refresh_token");
    assertThat(doc.getJsonArray("response_types_supported")).isNotEmpty();
  }

  @Test
  void theJwksPublishesPublicRsaKeysOnly() {
    JsonObject reply = node.call("identity.jwks", Envelopes.empty());
    assertThat(reply.getJsonObject("headers").getString("Cache-Control")).isEqualTo("public, max-age=60");
    JsonArray keys = reply.getJsonObject("body").getJsonArray("keys");
    assertThat(keys).isNotEmpty();
    keys.stream().map(JsonObject.class::cast).forEach(key -> {
      assertThat(key.fieldNames()).containsExactlyInAnyOrder("kty", "kid", "use", "alg", "n", "e");
      assertThat(key.getString("kty")).isEqualTo("RSA");
      assertThat(key.getString("use")).isEqualTo("sig");
      assertThat(key.getString("alg")).isEqualTo("RS256");
      assertThat(Base64.getUrlDecoder().decode(key.getString("n"))).hasSize(256);
    });
  }
}
