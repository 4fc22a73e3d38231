package org.emporium.cart.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Guest cart tokens: 256 random bits, base64url without padding (43 characters). Only their SHA-256
 * is stored, so a copy of Redis or of the database does not hand out carts. Requests are checked by
 * comparing the digest of the token presented with the stored digest: how long that takes can at
 * most tell an attacker about a digest of their own input, never about the token itself.
 */
public final class CartTokens {

  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");

  private final SecureRandom random;

  public CartTokens(SecureRandom random) {
    this.random = random;
  }

  public String issue() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static boolean wellFormed(String token) {
    return token != null && FORM.matcher(token).matches();
  }

  /** Hex SHA-256 of the token. */
  public static String hash(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
