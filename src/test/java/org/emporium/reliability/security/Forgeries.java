package org.emporium.reliability.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.edge.auth.Tokens;

import java.net.URI;
import java.text.ParseException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Access tokens an attacker would try, each differing from a genuine one in one way: for the
 * external issuer under the tests' control (whose key signs the genuine token) and for the
 * built-in issuer (whose private key the tests do not have).
 */
final class Forgeries {

  private Forgeries() {
  }

  /**
   * The genuine token of the external issuer first (a control: it must pass), then the forgeries,
   * by name. {@code jku} is a URL the node must never fetch.
   */
  static Map<String, String> external(String issuer, String audience, RSAKey key, String jku) {
    RSAKey attacker = Tokens.newKey("attacker-1");
    RSAKey sameKid = Tokens.newKey(key.getKeyID());
    Map<String, String> tokens = new LinkedHashMap<>();
    String genuine = Tokens.sign(key, claims(issuer, audience));
    tokens.put("genuine", genuine);
    tokens.put("alg none", Tokens.unsigned(claims(issuer, audience)));
    tokens.put("alg None", "eyJhbGciOiJOb25lIiwidHlwIjoiSldUIn0." + genuine.split("\\.")[1] + ".");
    tokens.put("HS256 keyed with the issuer's public key", Tokens.hmacWithPublicKey(key.toPublicJWK(),
        claims(issuer, audience)));
    long now = Instant.now().getEpochSecond();
    tokens.put("expired", Tokens.sign(key, claims(issuer, audience).put("iat", now - 7200).put("nbf", now - 7200)
        .put("exp", now - 3600)));
    tokens.put("not yet valid", Tokens.sign(key, claims(issuer, audience).put("nbf", now + 3600)));
    tokens.put("wrong issuer", Tokens.sign(key, claims("https://evil.example/realms/shop", audience)));
    tokens.put("issuer with a trailing slash", Tokens.sign(key, claims(issuer + "/", audience)));
    tokens.put("wrong audience", Tokens.sign(key, claims(issuer, "someone-else")));
    JsonObject noAudience = claims(issuer, audience);
    noAudience.remove("aud");
    tokens.put("no audience", Tokens.sign(key, noAudience));
    JsonObject noExpiry = claims(issuer, audience);
    noExpiry.remove("exp");
    tokens.put("no expiry", Tokens.sign(key, noExpiry));
    JsonObject noSubject = claims(issuer, audience);
    noSubject.remove("sub");
    tokens.put("no subject", Tokens.sign(key, noSubject));
    tokens.put("tampered payload (admin role)", Tokens.withPayload(genuine,
        Tokens.withRealmRoles(claims(issuer, audience), "shop-admin", "customer")));
    String signature = genuine.substring(genuine.lastIndexOf('.') + 1);
    char last = signature.charAt(signature.length() - 2);
    tokens.put("tampered signature", genuine.substring(0, genuine.length() - 2) + (last == 'A' ? 'B' : 'A')
        + genuine.charAt(genuine.length() - 1));
    tokens.put("unknown kid", Tokens.sign(attacker, claims(issuer, audience)));
    tokens.put("known kid, another key", Tokens.sign(sameKid, claims(issuer, audience)));
    tokens.put("crit header", signed(key, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
        .criticalParams(Set.of("x-emporium")).customParam("x-emporium", true).build(), claims(issuer, audience)));
    tokens.put("embedded jwk", signed(attacker, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(attacker.getKeyID())
        .jwk(attacker.toPublicJWK()).build(), claims(issuer, audience)));
    tokens.put("jku to an attacker's key set", signed(attacker, new JWSHeader.Builder(JWSAlgorithm.RS256)
        .keyID(attacker.getKeyID()).jwkURL(URI.create(jku)).build(), claims(issuer, audience)));
    return tokens;
  }

  /** Forgeries of the built-in issuer's tokens, from a real one of its tokens and its published key set. */
  static Map<String, String> builtIn(String real, JsonObject jwks) {
    JsonObject payload = Tokens.payload(real);
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put("built-in: alg none", Tokens.unsigned(payload));
    tokens.put("built-in: HS256 keyed with its public key", Tokens.hmacWithPublicKey(publicKey(jwks), payload));
    tokens.put("built-in: tampered payload (admin role)", Tokens.withPayload(real, payload.copy()
        .put("realm_access", new JsonObject().put("roles", new JsonArray().add("admin").add("customer")))
        .put("roles", new JsonArray().add("admin"))));
    tokens.put("built-in: another subject", Tokens.withPayload(real, payload.copy()
        .put("sub", "00000000-0000-7000-8000-000000000001")));
    tokens.put("built-in: longer life", Tokens.withPayload(real, payload.copy().put("exp",
        payload.getLong("exp") + 86_400)));
    tokens.put("malformed: two parts", real.substring(0, real.lastIndexOf('.')));
    tokens.put("malformed: garbage", "not.a.token");
    tokens.put("malformed: huge", "e" + "A".repeat(12_000) + ".e30.x");
    return tokens;
  }

  private static JsonObject claims(String issuer, String audience) {
    return Tokens.withRealmRoles(Tokens.claims(issuer, "intruder", audience), "customer");
  }

  private static RSAKey publicKey(JsonObject jwks) {
    try {
      for (Object key : jwks.getJsonArray("keys")) {
        JWK jwk = JWK.parse(((JsonObject) key).getMap());
        if (jwk instanceof RSAKey rsa) {
          return rsa;
        }
      }
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
    throw new IllegalStateException("no RSA key in " + jwks);
  }

  private static String signed(RSAKey key, JWSHeader header, JsonObject claims) {
    JWSObject jws = new JWSObject(new JWSHeader.Builder(header).type(JOSEObjectType.JWT).build(),
        new Payload(claims.encode()));
    try {
      jws.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jws.serialize();
  }
}
