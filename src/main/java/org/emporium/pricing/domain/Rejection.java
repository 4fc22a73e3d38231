package org.emporium.pricing.domain;

import java.util.List;

/** Why a pricing request is refused; nothing was changed. Mapped to a problem in one place. */
public sealed interface Rejection {

  /** The request breaks field rules (400). */
  record Invalid(String detail, List<Violation> violations) implements Rejection {
    public Invalid {
      violations = List.copyOf(violations);
    }
  }

  /** Well-formed, but it names what cannot be priced: an unknown SKU, a currency without a usable rate (422). */
  record Unprocessable(String detail, List<Violation> violations) implements Rejection {
    public Unprocessable {
      violations = List.copyOf(violations);
    }
  }
}
