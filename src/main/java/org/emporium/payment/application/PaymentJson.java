package org.emporium.payment.application;

import io.vertx.core.json.JsonObject;
import org.emporium.payment.domain.Payment;

/** The payment JSON of the bus replies, REST bodies and events. */
public final class PaymentJson {

  private PaymentJson() {
  }

  public static JsonObject of(Payment p) {
    return new JsonObject()
        .put("paymentId", p.id().toString())
        .put("reference", p.reference())
        .put("orderId", p.orderId() == null ? null : p.orderId().toString())
        .put("customerId", p.customerId() == null ? null : p.customerId().toString())
        .put("status", p.status().wire())
        .put("amount", money(p, p.amount()))
        .put("authorised", money(p, p.authorised()))
        .put("captured", money(p, p.captured()))
        .put("refunded", money(p, p.refunded()))
        .put("card", p.card() == null ? null
            : new JsonObject().put("brand", p.card().brand()).put("last4", p.card().last4()))
        .put("provider", p.provider())
        .put("createdAt", p.createdAt().toString())
        .put("updatedAt", p.updatedAt().toString());
  }

  private static JsonObject money(Payment p, long amount) {
    return p.tombstone() ? null : new JsonObject().put("amount", amount).put("currency", p.currency());
  }
}
