package org.emporium.edge.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Builds access tokens for tests: well-formed ones, and the forgeries an attacker would try. */
public final class Tokens {

  private Tokens() {
  }

  public static RSAKey newKey(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public static ECKey newEcKey(String kid) {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** ES256 over exactly these claims, with the key's id in the header. */
  public static String sign(ECKey key, JsonObject claims) {
    JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
        .type(JOSEObjectType.JWT).build(), new Payload(claims.encode()));
    try {
      jws.sign(new ECDSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jws.serialize();
  }

  /** Keycloak-shaped claims valid for an hour: iss, sub, aud, iat, nbf, exp, jti, sid, email, name. */
  public static JsonObject claims(String issuer, String subject, String audience) {
    long now = Instant.now().getEpochSecond();
    return new JsonObject()
        .put("iss", issuer).put("sub", subject).put("aud", new JsonArray().add(audience))
        .put("iat", now).put("nbf", now).put("exp", now + 3600).put("jti", UUID.randomUUID().toString())
        .put("sid", "session-1").put("email", subject + "@example.com").put("name", "User " + subject);
  }

  public static JsonObject withRealmRoles(JsonObject claims, String... roles) {
    return claims.put("realm_access", new JsonObject().put("roles", new JsonArray(List.of((Object[]) roles))));
  }

  public static JsonObject withClientRoles(JsonObject claims, String clientId, String... roles) {
    return claims.put("resource_access", new JsonObject()
        .put(clientId, new JsonObject().put("roles", new JsonArray(List.of((Object[]) roles)))));
  }

  /** RS256 over exactly these claims, with the key's id in the header. */
  public static String sign(RSAKey key, JsonObject claims) {
    JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
        .type(JOSEObjectType.JWT).build(), new Payload(claims.encode()));
    try {
      jws.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jws.serialize();
  }

  /** An unsigned token ({@code alg: none}, empty signature). */
  public static String unsigned(JsonObject claims) {
    return part(new JsonObject().put("alg", "none").put("typ", "JWT").encode()) + "." + part(claims.encode()) + ".";
  }

  /** HS256 keyed with the issuer's public key in PEM: the algorithm-confusion forgery. */
  public static String hmacWithPublicKey(RSAKey key, JsonObject claims) {
    String pem = "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(publicKeyBytes(key))
        + "\n-----END PUBLIC KEY-----\n";
    JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
        new Payload(claims.encode()));
    try {
      jws.sign(new MACSigner(pem.getBytes(StandardCharsets.US_ASCII)));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jws.serialize();
  }

  /** The token with its payload replaced and the original signature kept. */
  public static String withPayload(String token, JsonObject claims) {
    String[] parts = token.split("\\.");
    return parts[0] + "." + part(claims.encode()) + "." + parts[2];
  }

  /** The token's payload, decoded. */
  public static JsonObject payload(String token) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
  }

  private static byte[] publicKeyBytes(RSAKey key) {
    try {
      return key.toRSAPublicKey().getEncoded();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String part(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
