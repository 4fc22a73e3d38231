package org.emporium.platform.events.relay;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

  @Test
  void doublesUpToTheCeilingAndCountsTheEpisode() {
    Backoff backoff = new Backoff(100, 1000);
    assertThat(backoff.next()).isEqualTo(100);
    assertThat(backoff.next()).isEqualTo(200);
    assertThat(backoff.next()).isEqualTo(400);
    assertThat(backoff.next()).isEqualTo(800);
    assertThat(backoff.next()).isEqualTo(1000);
    for (int i = 0; i < 100; i++) {
      assertThat(backoff.next()).isEqualTo(1000);
    }
    assertThat(backoff.failures()).isEqualTo(105);
    assertThat(backoff.reset()).isEqualTo(105);
    assertThat(backoff.failures()).isZero();
    assertThat(backoff.next()).isEqualTo(100);
  }
}
