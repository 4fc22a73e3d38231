package org.emporium.identity.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A refresh token: 256 random bits in base64url, handed out once; the issuer keeps only its
 * SHA-256, so a copy of the database signs nobody in.
 */
public record RefreshToken(String value, byte[] hash) {

  private static final int BYTES = 32;

  public RefreshToken {
    hash = hash.clone();
  }

  public static RefreshToken generate(SecureRandom random) {
    byte[] bytes = new byte[BYTES];
    random.nextBytes(bytes);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return new RefreshToken(value, hashOf(value));
  }

  /** The stored form of a presented token. */
  public static byte[] hashOf(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  @Override
  public byte[] hash() {
    return hash.clone();
  }

  @Override
  public String toString() {
    return "RefreshToken[redacted]";
  }
}
