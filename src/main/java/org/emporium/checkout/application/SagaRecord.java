package org.emporium.checkout.application;

import io.vertx.core.json.JsonObject;
import org.emporium.checkout.domain.SagaState;
import org.emporium.checkout.domain.Step;

import java.util.UUID;

/**
 * A saga as stored: its ids (allocated at the start), the step it is at (running: the step to run
 * or in flight; compensating: the step it stopped at), its state, the lease attempt that owns it and
 * what the steps learnt so far ({@code context}: email, address, the cart view, the quote, the
 * order, the failure). Never the card number nor the cart token.
 */
public record SagaRecord(UUID id, UUID cartId, UUID customerId, String scope, String idempotencyKey, UUID orderId,
    UUID paymentId, UUID reservationId, Step step, SagaState state, int attempt, JsonObject context) {

  public SagaRecord at(Step next, SagaState newState, JsonObject newContext) {
    return new SagaRecord(id, cartId, customerId, scope, idempotencyKey, orderId, paymentId, reservationId, next,
        newState, attempt, newContext);
  }

  public String customer() {
    return customerId == null ? null : customerId.toString();
  }
}
