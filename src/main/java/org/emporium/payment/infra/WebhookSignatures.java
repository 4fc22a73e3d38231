package org.emporium.payment.infra;

import io.vertx.core.json.JsonObject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The simulator's webhook signature: {@code sha256=<hex HMAC-SHA256(secret, body)>}, the body
 * being the compact JSON as sent (members in their order). The edge hands the context the parsed
 * body, so the check runs on its compact encoding, which is what the simulator sends.
 */
public final class WebhookSignatures {

  public static final String PREFIX = "sha256=";

  private WebhookSignatures() {
  }

  public static String sign(String secret, JsonObject body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return PREFIX + HexFormat.of().formatHex(mac.doFinal(body.encode().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /** Compares in constant time. */
  public static boolean valid(String secret, JsonObject body, String signature) {
    if (secret == null || signature == null) {
      return false;
    }
    return MessageDigest.isEqual(sign(secret, body).getBytes(StandardCharsets.UTF_8),
        signature.trim().getBytes(StandardCharsets.UTF_8));
  }
}
