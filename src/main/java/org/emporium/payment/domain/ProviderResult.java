package org.emporium.payment.domain;

/** What the payment provider answered to one call (a timeout or an outage is a failure instead). */
public sealed interface ProviderResult {

  /** Done; {@code reference} is the provider's handle of the authorisation, capture, void or refund. */
  record Approved(String reference) implements ProviderResult {
  }

  record Declined(DeclineReason reason) implements ProviderResult {
  }

  /** A transient processing error: the same call with the same idempotency key may succeed. */
  record ProcessingError(String detail) implements ProviderResult {
  }
}
