package org.emporium.inventory.domain;

import java.util.List;

/** Why the inventory context refuses a request; mapped to problems in one place (api). */
public sealed interface Rejection {

  /** The request breaks the rules of its fields; nothing changed. */
  record Invalid(List<Violation> violations) implements Rejection {
  }

  /** No such SKU (no stock row in the region, or unknown to the catalog), warehouse or reservation. */
  record NotFound(String detail) implements Rejection {
  }

  /** The request contradicts the current state (committing a released reservation, ...). */
  record Conflict(String detail) implements Rejection {
  }

  /** The change would break a stock rule (on hand below what is reserved). */
  record Unprocessable(String detail) implements Rejection {
  }

  /** A dependency (the catalog) did not answer in time. */
  record Unavailable(String detail) implements Rejection {
  }
}
