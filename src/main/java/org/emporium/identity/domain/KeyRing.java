package org.emporium.identity.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The signing keys a node knows, newest first. The newest active key signs; the JWKS lists the
 * active keys and those retired less than {@code overlap} (access-token lifetime plus clock skew)
 * ago.
 */
public record KeyRing(List<SigningKey> keys) {

  public KeyRing {
    keys = keys.stream().sorted(Comparator.comparing(SigningKey::createdAt).reversed()).toList();
  }

  public static KeyRing empty() {
    return new KeyRing(List.of());
  }

  /** The key that signs now: the newest one not retired. */
  public Optional<SigningKey> current() {
    return keys.stream().filter(k -> !k.retired()).findFirst();
  }

  /** Whether a new key is needed: none active, or the active one is older than {@code rotation}. */
  public boolean needsNewKey(Instant now, Duration rotation) {
    return current().map(k -> k.dueForRotation(now, rotation)).orElse(true);
  }

  public List<SigningKey> published(Instant now, Duration overlap) {
    return keys.stream().filter(k -> k.published(now, overlap)).toList();
  }
}
