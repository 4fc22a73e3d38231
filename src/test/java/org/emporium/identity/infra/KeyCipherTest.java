package org.emporium.identity.infra;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyCipherTest {

  final byte[] key = "pretend this is a PKCS#8 private key".getBytes(StandardCharsets.UTF_8);

  @Test
  void sealsUnderTheSecretAndOpensOnlyWithItForTheSameKid() {
    KeyCipher cipher = KeyCipher.of("operator secret", new SecureRandom());
    byte[] sealed = cipher.seal("kid-1", key);

    assertThat(cipher.protection()).isEqualTo(KeyCipher.AES_GCM);
    assertThat(sealed).hasSize(12 + key.length + 16).isNotEqualTo(key);
    assertThat(cipher.seal("kid-1", key)).as("fresh nonce").isNotEqualTo(sealed);
    assertThat(KeyCipher.of("operator secret", new SecureRandom()).open("kid-1", KeyCipher.AES_GCM, sealed))
        .isEqualTo(key);
    assertThatThrownBy(() -> cipher.open("kid-2", KeyCipher.AES_GCM, sealed)).hasMessageContaining("cannot be decrypted");
    assertThatThrownBy(() -> KeyCipher.of("other", new SecureRandom()).open("kid-1", KeyCipher.AES_GCM, sealed))
        .hasMessageContaining("cannot be decrypted");
    assertThatThrownBy(() -> KeyCipher.of(null, new SecureRandom()).open("kid-1", KeyCipher.AES_GCM, sealed))
        .hasMessageContaining("identity.keyEncryptionSecret");
  }

  @Test
  void withoutASecretKeysStayPlain() {
    KeyCipher cipher = KeyCipher.of(" ", new SecureRandom());
    assertThat(cipher.protection()).isEqualTo(KeyCipher.NONE);
    assertThat(cipher.seal("kid", key)).isEqualTo(key);
    assertThat(KeyCipher.of("a secret", new SecureRandom()).open("kid", KeyCipher.NONE, key)).isEqualTo(key);
  }
}
