package org.emporium.pricing.application;

import org.emporium.pricing.domain.Refusal;
import org.emporium.pricing.domain.Violation;

import java.util.List;

/** Carries a {@link Refusal} through a failed future (and rolls back a transaction); no stack trace. */
public final class Refused extends RuntimeException {

  private final Refusal refusal;

  public Refused(Refusal refusal) {
    super(refusal.toString(), null, false, false);
    this.refusal = refusal;
  }

  public static Refused invalid(String detail, List<Violation> violations) {
    return new Refused(new Refusal.Invalid(detail, violations));
  }

  public static Refused unprocessable(String detail, List<Violation> violations) {
    return new Refused(new Refusal.Unprocessable(detail, violations));
  }

  public Refusal refusal() {
    return refusal;
  }
}
