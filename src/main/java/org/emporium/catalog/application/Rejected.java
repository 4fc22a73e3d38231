package org.emporium.catalog.application;

import org.emporium.catalog.domain.Rejection;
import org.emporium.catalog.domain.Violation;

import java.util.List;

/** Carries a {@link Rejection} through a failed future (and rolls back a transaction); no stack trace. */
public final class Rejected extends RuntimeException {

  private final Rejection rejection;

  public Rejected(Rejection rejection) {
    super(rejection.toString(), null, false, false);
    this.rejection = rejection;
  }

  public static Rejected invalid(List<Violation> violations) {
    return new Rejected(new Rejection.Invalid(violations));
  }

  public static Rejected notFound(String detail) {
    return new Rejected(new Rejection.NotFound(detail));
  }

  public Rejection rejection() {
    return rejection;
  }
}
