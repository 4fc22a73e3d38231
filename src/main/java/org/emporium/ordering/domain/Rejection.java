package org.emporium.ordering.domain;

import java.util.List;

/** Why an ordering operation refused; mapped to problems in one place (api). */
public sealed interface Rejection {

  record Invalid(List<Violation> violations) implements Rejection {
  }

  record NotFound(String detail) implements Rejection {
  }

  record Conflict(String detail) implements Rejection {
  }
}
