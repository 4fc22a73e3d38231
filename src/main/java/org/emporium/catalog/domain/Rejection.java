package org.emporium.catalog.domain;

import java.util.List;

/** Why the catalog refuses a request; mapped to a problem in one place. */
public sealed interface Rejection {

  /** The request breaks field rules (400); nothing was changed. */
  record Invalid(List<Violation> violations) implements Rejection {
    public Invalid {
      violations = List.copyOf(violations);
    }
  }

  /** No such product, variant or category for this caller (another shop's is reported the same way). */
  record NotFound(String detail) implements Rejection {
  }

  /** A unique value (SKU, slug) is taken already (409). */
  record Conflict(String detail) implements Rejection {
  }

  /** The request names something that does not exist or cannot be used (422). */
  record Unusable(String detail) implements Rejection {
  }

  /** The caller may not do this at all (403). */
  record Forbidden(String detail) implements Rejection {
  }
}
