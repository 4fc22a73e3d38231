package org.emporium.pricing.application;

import org.emporium.pricing.domain.Rejection;
import org.emporium.pricing.domain.Violation;

import java.util.List;

/** Carries a {@link Rejection} through a failed future (and rolls back a transaction); no stack trace. */
public final class Rejected extends RuntimeException {

  private final Rejection rejection;

  public Rejected(Rejection rejection) {
    super(rejection.toString(), null, false, false);
    this.rejection = rejection;
  }

  public static Rejected invalid(String detail, List<Violation> violations) {
    return new Rejected(new Rejection.Invalid(detail, violations));
  }

  public static Rejected unprocessable(String detail, List<Violation> violations) {
    return new Rejected(new Rejection.Unprocessable(detail, violations));
  }

  public Rejection rejection() {
    return rejection;
  }
}
