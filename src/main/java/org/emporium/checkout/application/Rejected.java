package org.emporium.checkout.application;

import org.emporium.checkout.domain.Rejection;

/** Carries a {@link Rejection} through a failed future, to the one place that maps it to a problem. */
public final class Rejected extends RuntimeException {

  private final transient Rejection rejection;

  public Rejected(Rejection rejection) {
    super(rejection.getClass().getSimpleName(), null, false, false);
    this.rejection = rejection;
  }

  public Rejection rejection() {
    return rejection;
  }
}
