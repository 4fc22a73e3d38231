package org.emporium.identity.infra;

import org.emporium.identity.domain.HashCost;
import org.emporium.identity.domain.PhcHash;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Argon2id hashes that the reference implementation (the {@code argon2} command of
 * phc-winner-argon2) wrote, checked here, and ours checked in their format.
 */
class Argon2idHasherTest {

  static final HashCost DEFAULTS = new HashCost(19456, 2, 1);
  // echo -n "correct horse battery staple" | argon2 saltsaltsaltsalt -id -t 2 -k 19456 -p 1 -l 32 -e
  static final String REFERENCE_DEFAULT_COST =
      "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$QKHrg5tayLGcN+Y0HVPNaBqykOVLUxlMkZycXE1uWRM";
  // echo -n "hunter2hunter2" | argon2 0123456789abcdef -id -t 3 -k 4096 -p 2 -l 32 -e
  static final String REFERENCE_TWO_LANES =
      "$argon2id$v=19$m=4096,t=3,p=2$MDEyMzQ1Njc4OWFiY2RlZg$mXIajaTl9JZBg/ZEafjQM88v1ETURKLtTWLC4IFkHFE";

  final Argon2idHasher hasher = new Argon2idHasher(DEFAULTS, new SecureRandom());

  @Test
  void verifiesHashesOfTheReferenceImplementation() {
    assertThat(hasher.verify("correct horse battery staple", REFERENCE_DEFAULT_COST)).isTrue();
    assertThat(hasher.verify("correct horse battery stapl", REFERENCE_DEFAULT_COST)).isFalse();
    assertThat(hasher.verify("hunter2hunter2", REFERENCE_TWO_LANES)).isTrue();
    assertThat(hasher.verify("Hunter2hunter2", REFERENCE_TWO_LANES)).isFalse();
  }

  @Test
  void writesPhcStringsOfTheDefaultCostWithAFreshSalt() {
    String first = hasher.hash("pässwörd 🔑");
    String second = hasher.hash("pässwörd 🔑");

    assertThat(first).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    assertThat(second).isNotEqualTo(first);
    assertThat(hasher.verify("pässwörd 🔑", first)).isTrue();
    assertThat(hasher.verify("pässwörd 🔑", second)).isTrue();
    assertThat(hasher.verify("passwörd 🔑", first)).isFalse();
    assertThat(PhcHash.parse(first).format()).isEqualTo(first);
  }

  @Test
  void knowsWhenAHashIsOfAnotherCost() {
    assertThat(hasher.needsRehash(REFERENCE_DEFAULT_COST)).isFalse();
    assertThat(hasher.needsRehash(REFERENCE_TWO_LANES)).isTrue();
    assertThat(hasher.needsRehash("$2b$10$bcrypt")).isTrue();
  }

  @Test
  void malformedHashesMatchNothing() {
    assertThat(hasher.verify("x", "")).isFalse();
    assertThat(hasher.verify("x", "$argon2i$v=19$m=16,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo")).isFalse();
    assertThat(hasher.verify("x", REFERENCE_DEFAULT_COST.replace("v=19", "v=16"))).isFalse();
    assertThatThrownBy(() -> PhcHash.parse("$argon2id$v=19$m=1,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$QKHrg5tayLGcN"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
