package org.emporium.platform.events.consumer;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;

/** Retry waits double up to their cap; only an unreachable database holds records back without counting. */
class BackoffAndFailuresTest {

  @Test
  void backoffDoublesFromTheInitialWaitUpToTheCap() {
    assertThat(Delays.backoff(200, 10_000, 1)).isEqualTo(200);
    assertThat(Delays.backoff(200, 10_000, 2)).isEqualTo(400);
    assertThat(Delays.backoff(200, 10_000, 4)).isEqualTo(1_600);
    assertThat(Delays.backoff(200, 10_000, 7)).isEqualTo(10_000);
    assertThat(Delays.backoff(200, 10_000, 1_000)).isEqualTo(10_000);
  }

  @Test
  void anUnreachableDatabaseIsInfrastructureAndABrokenRuleIsNot() {
    assertThat(Failures.isInfrastructure(new ConnectException("Connection refused"))).isTrue();
    assertThat(Failures.isInfrastructure(ClosedConnectionException.INSTANCE)).isTrue();
    assertThat(Failures.isInfrastructure(new PgException("terminating connection", "FATAL", "57P01", null)))
        .isTrue();
    assertThat(Failures.isInfrastructure(new RuntimeException("wrapped", new ConnectException("refused")))).isTrue();
    assertThat(Failures.isInfrastructure(new PgException("duplicate key", "ERROR", "23505", null))).isFalse();
    assertThat(Failures.isInfrastructure(new IllegalStateException("order already paid"))).isFalse();
  }
}
