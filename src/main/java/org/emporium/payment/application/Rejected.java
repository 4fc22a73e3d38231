package org.emporium.payment.application;

import io.vertx.core.Future;
import org.emporium.payment.domain.Rejection;

/** Carries a {@link Rejection} through a failed future (and rolls back a transaction); no stack trace. */
public final class Rejected extends RuntimeException {

  private final Rejection rejection;

  public Rejected(Rejection rejection) {
    super(rejection.toString(), null, false, false);
    this.rejection = rejection;
  }

  public Rejection rejection() {
    return rejection;
  }

  static <T> Future<T> fail(Rejection rejection) {
    return Future.failedFuture(new Rejected(rejection));
  }
}
