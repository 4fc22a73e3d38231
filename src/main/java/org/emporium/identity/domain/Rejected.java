package org.emporium.identity.domain;

/** Carries a {@link Rejection} through a failed future; without a stack trace, it is an answer, not a bug. */
public final class Rejected extends RuntimeException {

  private final Rejection rejection;

  public Rejected(Rejection rejection) {
    super(rejection.toString(), null, false, false);
    this.rejection = rejection;
  }

  public Rejection rejection() {
    return rejection;
  }
}
