package org.emporium.platform.embedded;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class FreePortsTest {

  @Test
  void freePortsPickedTogetherAreDistinctAndLeaveGivenPortsAsTheyAre() {
    for (int round = 0; round < 200; round++) {
      int[] ports = FreePorts.assign(0, 0, 0, 0);
      assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(4);
      assertThat(Arrays.stream(ports).boxed().toList()).allMatch(port -> port > 0 && port <= 65_535);

      int given = ports[0];
      int[] mixed = FreePorts.assign(given, 0, 0);
      assertThat(mixed[0]).isEqualTo(given);
      assertThat(Arrays.stream(mixed).distinct().count()).isEqualTo(3);
    }
  }
}
