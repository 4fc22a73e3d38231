package org.emporium.identity.domain;

import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeyRingTest {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Duration ROTATION = Duration.ofDays(30);
  static final Duration OVERLAP = Duration.ofMinutes(10);

  private static SigningKey key(String kid, Instant created, Instant retired) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(1024);
    return new SigningKey(kid, (RSAPublicKey) generator.generateKeyPair().getPublic(), null, created, retired);
  }

  @Test
  void anEmptyRingNeedsAKey() {
    assertThat(KeyRing.empty().needsNewKey(T0, ROTATION)).isTrue();
    assertThat(KeyRing.empty().current()).isEmpty();
  }

  @Test
  void theNewestActiveKeySignsAndRetiredOnesStayPublishedForTheOverlap() throws Exception {
    Instant rotatedAt = T0.plus(ROTATION);
    KeyRing ring = new KeyRing(List.of(key("old", T0, rotatedAt), key("new", rotatedAt, null)));

    assertThat(ring.current().orElseThrow().kid()).isEqualTo("new");
    assertThat(ring.needsNewKey(rotatedAt.plus(ROTATION).minusSeconds(1), ROTATION)).isFalse();
    assertThat(ring.needsNewKey(rotatedAt.plus(ROTATION), ROTATION)).isTrue();
    assertThat(ring.published(rotatedAt.plus(OVERLAP).minusSeconds(1), OVERLAP))
        .extracting(SigningKey::kid).containsExactly("new", "old");
    assertThat(ring.published(rotatedAt.plus(OVERLAP), OVERLAP)).extracting(SigningKey::kid).containsExactly("new");
  }
}
