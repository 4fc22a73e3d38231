package org.emporium.identity.application;

import io.vertx.core.json.JsonObject;
import org.emporium.identity.domain.SigningKey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;

/** Compact RS256 JSON Web Signatures (RFC 7515) made with the JDK's SHA256withRSA. */
final class Jws {

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private Jws() {
  }

  static String sign(SigningKey key, JsonObject claims) {
    JsonObject header = new JsonObject().put("alg", "RS256").put("typ", "JWT").put("kid", key.kid());
    String signingInput = encode(header) + "." + encode(claims);
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(key.privateKey());
      signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + BASE64URL.encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with key " + key.kid(), e);
    }
  }

  private static String encode(JsonObject json) {
    return BASE64URL.encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
  }
}
