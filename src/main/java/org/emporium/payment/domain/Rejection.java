package org.emporium.payment.domain;

import java.util.List;

/** Why an operation was refused; mapped to a problem in one place (api). */
public sealed interface Rejection {

  record Invalid(List<Violation> violations) implements Rejection {
  }

  record NotFound(String detail) implements Rejection {
  }

  record Conflict(String detail) implements Rejection {
  }

  record Declined(DeclineReason reason) implements Rejection {
  }

  /** A refund larger than what was captured and not refunded yet. */
  record ExceedsCapture(long requested, long refundable) implements Rejection {
  }

  record Unavailable(String detail) implements Rejection {
  }

  record BadSignature(String detail) implements Rejection {
  }
}
