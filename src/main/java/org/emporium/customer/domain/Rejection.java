package org.emporium.customer.domain;

import java.util.List;

/** Why the customer context refuses a request; mapped to a problem in one place. */
public sealed interface Rejection {

  /** The request breaks field rules; nothing was changed. */
  record Invalid(List<Violation> violations) implements Rejection {
    public Invalid {
      violations = List.copyOf(violations);
    }
  }

  /** No such profile or address for this caller (another customer's is reported the same way). */
  record NotFound(String detail) implements Rejection {
  }

  /** The address book already holds the most addresses allowed. */
  record AddressBookFull(int max) implements Rejection {
  }
}
