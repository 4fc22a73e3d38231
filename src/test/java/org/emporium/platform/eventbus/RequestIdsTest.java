package org.emporium.platform.eventbus;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTest {

  @Test
  void generatedIdsAreDistinctVersionFourUuids() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = RequestIds.generate();
      UUID parsed = UUID.fromString(id);
      assertThat(parsed.version()).isEqualTo(4);
      assertThat(parsed.variant()).isEqualTo(2);
      assertThat(parsed.toString()).isEqualTo(id);
      seen.add(id);
    }
    assertThat(seen).hasSize(10_000);
  }

  @Test
  void aSaneIncomingIdIsKeptAndAnyOtherReplaced() {
    assertThat(RequestIds.accept("trace-42:a.b_c")).isEqualTo("trace-42:a.b_c");
    for (String bad : new String[] {null, "", "has space", "x".repeat(129), "new\nline", "<script>"}) {
      String id = RequestIds.accept(bad);
      assertThat(id).isNotEqualTo(bad);
      assertThat(UUID.fromString(id).version()).isEqualTo(4);
    }
  }
}
