package org.emporium.payment.application;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.emporium.payment.domain.Payment;
import org.emporium.payment.domain.Rejection;
import org.emporium.payment.domain.WebhookEvent;
import org.emporium.platform.events.Transaction;

/**
 * Provider webhooks: the signature is checked, each provider event id is acted on once (a
 * duplicate is answered and changes nothing). A refund made at the provider is booked like one
 * asked for here, within the capture; other event types are only recorded.
 */
public final class ReceivingWebhooks {

  /** What the webhook answer says. */
  public record Receipt(String eventId, boolean duplicate) {
  }

  private final PaymentStore store;
  private final PaymentProvider provider;

  public ReceivingWebhooks(PaymentStore store, PaymentProvider provider) {
    this.store = store;
    this.provider = provider;
  }

  public Future<Receipt> receive(String providerName, String signature, JsonObject body) {
    if (!provider.name().equals(providerName)) {
      return Rejected.fail(new Rejection.NotFound("No payment provider " + providerName + "."));
    }
    return provider.parseWebhook(signature, body).compose(event -> store.transaction(tx ->
        store.payments().insertWebhookEvent(tx.connection(), event.provider(), event.eventId(), event.type(),
            event.paymentId()).compose(fresh -> !fresh ? Future.succeededFuture(new Receipt(event.eventId(), true))
            : act(tx, event).map(new Receipt(event.eventId(), false)))));
  }

  private Future<Void> act(Transaction tx, WebhookEvent event) {
    if (!WebhookEvent.REFUNDED.equals(event.type()) || event.paymentId() == null || event.amount() == null) {
      return Future.succeededFuture();
    }
    return store.payments().lock(tx.connection(), event.paymentId()).compose(found -> {
      if (found.isEmpty() || found.get().refundRefusal(event.amount()) != null) {
        return Future.succeededFuture();
      }
      Payment payment = found.get();
      RefundRecord refund = new RefundRecord("webhook:" + event.eventId(), payment.id(), event.amount(),
          "refunded at the provider", false);
      return store.payments().insertRefund(tx.connection(), refund)
          .compose(v -> store.save(tx, payment.refundDone(event.amount(), false, store.now()), null, "refunded"))
          .mapEmpty();
    });
  }
}
