package org.emporium.e2e;

import io.vertx.core.json.JsonObject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/** Builds forged JSON Web Tokens for tests that prove the edge refuses them. */
final class Jwts {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private Jwts() {
  }

  static String encode(JsonObject json) {
    return ENCODER.encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
  }

  static JsonObject decode(String part) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
  }

  /** The algorithm-confusion attack: HS256 keyed with the issuer's public RSA key (X.509 DER). */
  static String hs256WithPublicKey(JsonObject rsaJwk, JsonObject claims) {
    try {
      BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(rsaJwk.getString("n")));
      BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(rsaJwk.getString("e")));
      byte[] publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e)).getEncoded();
      String signingInput = encode(new JsonObject().put("alg", "HS256").put("typ", "JWT")
          .put("kid", rsaJwk.getString("kid"))) + "." + encode(claims);
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(publicKey, "HmacSHA256"));
      return signingInput + "." + ENCODER.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
