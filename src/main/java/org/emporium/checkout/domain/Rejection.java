package org.emporium.checkout.domain;

import java.util.List;

/** Why a checkout request is refused before or instead of running a saga. */
public sealed interface Rejection {

  /** Bad input, every field named; nothing was stored. */
  record Invalid(List<Violation> violations) implements Rejection {
  }

  /** The caller may not use this cart (or sent no proof at all). */
  record NotYourCart() implements Rejection {
  }

  /** Signed in without the permission to place orders. */
  record Forbidden() implements Rejection {
  }

  /** The idempotency key was used with another request body. */
  record KeyReused() implements Rejection {
  }

  /** The first request with this key has not ended yet. */
  record InProgress() implements Rejection {
  }

  /** Another checkout of the same cart is running. */
  record CartBusy() implements Rejection {
  }

  /** The saga lost its lease to a sweeper, or stopped forward after the capture: it ends elsewhere. */
  record Unfinished() implements Rejection {
  }
}
