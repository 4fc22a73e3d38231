package org.emporium.identity.infra;

import io.vertx.core.json.JsonObject;
import org.emporium.identity.domain.SigningKey;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RsaKeysTest {

  @Test
  void aKeyRoundTripsThroughItsJwkAndPkcs8Forms() {
    SigningKey key = RsaKeys.generate(Instant.EPOCH);
    JsonObject jwk = RsaKeys.jwk(key.kid(), key.publicKey());

    assertThat(key.publicKey().getModulus().bitLength()).isEqualTo(2048);
    assertThat(RsaKeys.publicKey(jwk)).isEqualTo(key.publicKey());
    assertThat(RsaKeys.privateKey(key.privateKey().getEncoded())).isEqualTo(key.privateKey());
    assertThat(jwk.getString("e")).isEqualTo("AQAB");
    assertThat(key.kid()).isEqualTo(RsaKeys.thumbprint(RsaKeys.publicKey(jwk))).matches("[A-Za-z0-9_-]{43}");
    assertThat(RsaKeys.generate(Instant.EPOCH).kid()).isNotEqualTo(key.kid());
  }
}
