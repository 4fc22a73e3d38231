package org.emporium.checkout.application;

import io.vertx.core.Future;

import java.time.Clock;
import java.time.Instant;

/** Forgets idempotency keys past their retention and ended sagas as old, a batch per statement. */
public final class Purging {

  private final Sagas sagas;
  private final Clock clock;
  private final CheckoutSettings settings;

  public Purging(Sagas sagas, Clock clock, CheckoutSettings settings) {
    this.sagas = sagas;
    this.clock = clock;
    this.settings = settings;
  }

  public Future<Integer> purge() {
    Instant now = clock.instant();
    return sagas.purge(now, now.minusSeconds(settings.idempotencyTtlSeconds()), 1000);
  }
}
