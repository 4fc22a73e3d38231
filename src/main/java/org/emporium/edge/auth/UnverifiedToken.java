package org.emporium.edge.auth;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A JWS in compact form, decoded but not verified: enough to refuse it cheaply and to choose the
 * issuer that must verify it. Nothing read here is trusted until the signature is checked.
 */
record UnverifiedToken(String compact, JsonObject header, JsonObject claims, boolean signed) {

  private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");

  /**
   * The decoded token; {@link AuthFailure#MALFORMED_TOKEN} unless it is three base64url parts with
   * JSON objects in the first two (the signature may be empty here: {@code alg} is judged first).
   */
  static UnverifiedToken parse(String compact) {
    String[] parts = compact.split("\\.", -1);
    if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw AuthFailure.MALFORMED_TOKEN.rejected();
    }
    for (String part : parts) {
      if (!BASE64URL.matcher(part).matches()) {
        throw AuthFailure.MALFORMED_TOKEN.rejected();
      }
    }
    return new UnverifiedToken(compact, object(parts[0]), object(parts[1]), !parts[2].isEmpty());
  }

  String algorithm() {
    return TrustedIssuer.text(header, "alg");
  }

  String issuer() {
    return TrustedIssuer.text(claims, "iss");
  }

  private static JsonObject object(String part) {
    try {
      return new JsonObject(Buffer.buffer(Base64.getUrlDecoder().decode(part)));
    } catch (RuntimeException notAJsonObject) {
      throw AuthFailure.MALFORMED_TOKEN.rejected();
    }
  }
}
