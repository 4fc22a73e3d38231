package org.emporium.payment.application;

import io.vertx.core.Future;
import org.emporium.payment.domain.Payment;
import org.emporium.payment.domain.ProviderResult;
import org.emporium.payment.domain.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/** Provider calls as the use cases need them: failures as 503 rejections, best-effort voids. */
final class ProviderCalls {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderCalls.class);
  static final String UNAVAILABLE = "The payment provider is not available right now; try again shortly.";

  private final PaymentProvider provider;
  private final PaymentStore store;

  ProviderCalls(PaymentProvider provider, PaymentStore store) {
    this.provider = provider;
    this.store = store;
  }

  PaymentProvider provider() {
    return provider;
  }

  /** Approved results only; anything else (refusal, timeout, open circuit) is a 503 rejection. */
  static Future<ProviderResult.Approved> approved(Future<ProviderResult> call) {
    return call.transform(ar -> ar.succeeded() && ar.result() instanceof ProviderResult.Approved approved
        ? Future.succeededFuture(approved) : Rejected.fail(new Rejection.Unavailable(UNAVAILABLE)));
  }

  static String outcome(ProviderResult result) {
    if (result instanceof ProviderResult.Approved) {
      return "approved";
    }
    return result instanceof ProviderResult.Declined declined ? "declined:" + declined.reason().wire()
        : "processing_error";
  }

  /**
   * Voids at the provider whatever an authorise that did not end cleanly may have left, and records
   * the call; a failure is only logged (a later {@code payment.void} tries again).
   */
  Future<Void> voidQuietly(Payment payment) {
    UUID id = payment.id();
    String authorisation = payment.providerReference() != null ? payment.providerReference()
        : IdempotencyKeys.authorise(id);
    String key = IdempotencyKeys.voiding(id);
    return provider.voidAuthorisation(key, authorisation)
        .compose(result -> store.payments().recordOperation(store.pool(),
            new ProviderOperation(key, id, "void", 0, outcome(result), reference(result))))
        .recover(failure -> {
          LOG.warn("Payment {}: void at the provider failed ({}); it is tried again on payment.void", id,
              failure.toString());
          return Future.succeededFuture();
        });
  }

  static String reference(ProviderResult result) {
    return result instanceof ProviderResult.Approved a ? a.reference() : null;
  }
}
