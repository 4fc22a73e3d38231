package org.emporium.platform.id;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class UuidsTest {

  @Test
  void onlyTheCanonicalFormOfAStringIsAnId() {
    UUID id = UUID.randomUUID();
    assertThat(Uuids.parse(id.toString())).isEqualTo(id);
    assertThat(Uuids.parse(id.toString().toUpperCase())).isEqualTo(id);
    assertThat(Uuids.parse("1-2-3-4-5")).as("short groups UUID.fromString would accept").isNull();
    assertThat(Uuids.parse(id.toString().replace('-', 'x'))).isNull();
    assertThat(Uuids.parse(id.toString() + "0")).isNull();
    assertThat(Uuids.parse(42)).isNull();
    assertThat(Uuids.parse(null)).isNull();
  }
}
