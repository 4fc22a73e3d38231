package org.emporium.cart.domain;

import java.util.List;

/** Why the cart context refuses a request; mapped to problems in one place (api). Nothing changed. */
public sealed interface Rejection {

  /** The request breaks the rules of its fields. */
  record Invalid(List<Violation> violations) implements Rejection {
  }

  /** No such cart, or not the caller's (the two look the same). */
  record NotFound(String detail) implements Rejection {
  }

  /** The request is well formed but the cart or the catalog does not allow it (caps, unknown SKU). */
  record Unprocessable(String detail, List<Violation> violations) implements Rejection {
  }

  /** A dependency (catalog, pricing, Redis) did not answer. */
  record Unavailable(String detail) implements Rejection {
  }
}
