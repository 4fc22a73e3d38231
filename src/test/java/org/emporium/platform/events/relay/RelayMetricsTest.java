package org.emporium.platform.events.relay;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RelayMetricsTest {

  @Test
  void countsPublishedEventsAndShowsTheLagPerSchema() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    RelayMetrics metrics = new RelayMetrics(registry);
    metrics.published("orders", 3);
    metrics.published("orders", 2);
    metrics.lag("orders", 1500);
    metrics.lag("orders", 250);

    assertThat(registry.get("emporium.outbox.published").tag("schema", "orders").counter().count()).isEqualTo(5);
    assertThat(registry.get("emporium.outbox.lag").tag("schema", "orders").gauge().value()).isEqualTo(0.25);
  }

  @Test
  void withoutARegistryItRecordsNothing() {
    RelayMetrics metrics = new RelayMetrics(null);
    metrics.published("orders", 3);
    metrics.lag("orders", 10);
    assertThat(metrics.enabled()).isFalse();
  }
}
