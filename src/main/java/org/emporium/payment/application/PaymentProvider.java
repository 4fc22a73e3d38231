package org.emporium.payment.application;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.emporium.payment.domain.ProviderResult;
import org.emporium.payment.domain.WebhookEvent;

/**
 * The payment provider. Every call carries an idempotency key: the same key repeated is the same
 * operation at the provider, never a second one. {@code authorisation} names the authorisation a
 * capture, void or refund is about: the provider's reference, or the authorise call's key when no
 * reference came back (a timed-out authorise). A timeout or an outage fails the future.
 */
public interface PaymentProvider {

  String name();

  Future<ProviderResult> authorise(String key, String currency, long amount, String cardNumber);

  Future<ProviderResult> capture(String key, String authorisation, long amount);

  Future<ProviderResult> voidAuthorisation(String key, String authorisation);

  Future<ProviderResult> refund(String key, String authorisation, long amount);

  /** The event a webhook delivered, or a failed {@link Rejected} (bad signature, unreadable body). */
  Future<WebhookEvent> parseWebhook(String signature, JsonObject body);
}
