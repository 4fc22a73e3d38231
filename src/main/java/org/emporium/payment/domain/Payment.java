package org.emporium.payment.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One payment: what was authorised, captured and refunded, in minor units of {@code currency}.
 * Refunds (done and in flight) never exceed the capture. A void before any authorisation leaves a
 * tombstone (no currency, no card) so that a late authorise is refused.
 */
public record Payment(UUID id, String reference, UUID orderId, UUID customerId, PaymentStatus status,
    String failureReason, String currency, long amount, long authorised, long captured, long refunded,
    long refundPending, Card card, String provider, String providerReference, Instant createdAt, Instant updatedAt) {

  /** Reason stored with a payment that failed because the provider could not be reached. */
  public static final String PROVIDER_UNAVAILABLE = "provider_unavailable";

  public Payment {
    if (refunded + refundPending > captured || captured > authorised) {
      throw new IllegalStateException("refunds exceed the capture of payment " + id);
    }
  }

  public static Payment authorised(UUID id, String reference, UUID customerId, String currency, long amount, Card card,
      String provider, String providerReference, Instant now) {
    return new Payment(id, reference, null, customerId, PaymentStatus.AUTHORISED, null, currency, amount, amount, 0, 0,
        0, card, provider, providerReference, now, now);
  }

  public static Payment failed(UUID id, String reference, UUID customerId, String currency, long amount, Card card,
      String provider, String reason, Instant now) {
    return new Payment(id, reference, null, customerId, PaymentStatus.FAILED, reason, currency, amount, 0, 0, 0, 0,
        card, provider, null, now, now);
  }

  public static Payment tombstone(UUID id, String provider, Instant now) {
    return new Payment(id, "", null, null, PaymentStatus.VOIDED, null, null, 0, 0, 0, 0, 0, null, provider, null,
        now, now);
  }

  public Payment captured(UUID order, Instant now) {
    return new Payment(id, reference, order, customerId, PaymentStatus.CAPTURED, failureReason, currency, amount,
        authorised, authorised, refunded, refundPending, card, provider, providerReference, createdAt, now);
  }

  public Payment voided(Instant now) {
    return new Payment(id, reference, orderId, customerId, PaymentStatus.VOIDED, failureReason, currency, amount,
        authorised, captured, refunded, refundPending, card, provider, providerReference, createdAt, now);
  }

  /** What may still be refunded: captured, minus refunds done and in flight. */
  public long refundable() {
    return captured - refunded - refundPending;
  }

  /** A refund of {@code sum} set aside while the provider is asked. */
  public Payment refundStarted(long sum, Instant now) {
    return withRefunds(refunded, refundPending + sum, status, now);
  }

  public Payment refundAbandoned(long sum, Instant now) {
    return withRefunds(refunded, refundPending - sum, status, now);
  }

  /** The refund of {@code sum} went through ({@code pending}: it had been set aside). */
  public Payment refundDone(long sum, boolean pending, Instant now) {
    long done = refunded + sum;
    PaymentStatus next = done == captured ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
    return withRefunds(done, pending ? refundPending - sum : refundPending, next, now);
  }

  /** Null when a refund of {@code sum} may go ahead. */
  public Rejection refundRefusal(long sum) {
    return sum <= 0 || sum > refundable() ? new Rejection.ExceedsCapture(sum, refundable()) : null;
  }

  public DeclineReason declineReason() {
    return status == PaymentStatus.FAILED ? DeclineReason.ofWire(failureReason) : null;
  }

  public boolean tombstone() {
    return currency == null;
  }

  private Payment withRefunds(long done, long pending, PaymentStatus next, Instant now) {
    return new Payment(id, reference, orderId, customerId, next, failureReason, currency, amount, authorised, captured,
        done, pending, card, provider, providerReference, createdAt, now);
  }
}
