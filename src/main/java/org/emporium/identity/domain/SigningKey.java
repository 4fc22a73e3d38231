package org.emporium.identity.domain;

import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An RSA key pair the issuer signs access tokens with, named by {@code kid}. A retired key signs
 * nothing more but is published until every token it signed has expired.
 */
public record SigningKey(String kid, RSAPublicKey publicKey, PrivateKey privateKey, Instant createdAt,
    Instant retiredAt) {

  public SigningKey {
    Objects.requireNonNull(kid, "kid");
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public boolean retired() {
    return retiredAt != null;
  }

  /** Whether a new key should replace this one by {@code now}. */
  public boolean dueForRotation(Instant now, Duration rotation) {
    return !createdAt.plus(rotation).isAfter(now);
  }

  /** Whether the JWKS still lists it: active, or retired less than {@code overlap} ago. */
  public boolean published(Instant now, Duration overlap) {
    return retiredAt == null || retiredAt.plus(overlap).isAfter(now);
  }

  @Override
  public String toString() {
    return "SigningKey[" + kid + ", created " + createdAt + (retiredAt == null ? "" : ", retired " + retiredAt) + "]";
  }
}
