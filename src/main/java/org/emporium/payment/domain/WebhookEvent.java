package org.emporium.payment.domain;

import java.util.UUID;

/**
 * A notification from the provider, signature already checked. {@code paymentId} and
 * {@code amount} are null when the event type carries none.
 */
public record WebhookEvent(String provider, String eventId, String type, UUID paymentId, Long amount) {

  /** A refund made at the provider (for example from its dashboard). */
  public static final String REFUNDED = "payment.refunded";
}
