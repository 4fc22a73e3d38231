package org.emporium.checkout.application;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.checkout.domain.CheckoutCommand;
import org.emporium.checkout.domain.Rejection;
import org.emporium.checkout.domain.RequestFingerprint;
import org.emporium.checkout.domain.SagaState;
import org.emporium.checkout.domain.Step;
import org.emporium.platform.id.TimeOrderedIds;

import java.time.Clock;
import java.time.Instant;

/**
 * The PlaceOrder use case: takes the idempotency key and records the saga with all its ids in one
 * transaction, then runs it. A key already held answers its stored response (replayed), 422 for
 * another request body, 409 while its checkout runs; a cart with a running checkout is 409.
 */
public final class PlacingOrders {

  private final Sagas sagas;
  private final SagaRunner runner;
  private final TimeOrderedIds ids;
  private final Clock clock;
  private final CheckoutSettings settings;

  public PlacingOrders(Sagas sagas, SagaRunner runner, TimeOrderedIds ids, Clock clock, CheckoutSettings settings) {
    this.sagas = sagas;
    this.runner = runner;
    this.ids = ids;
    this.clock = clock;
    this.settings = settings;
  }

  public Future<Reply> place(CheckoutCommand command) {
    String fingerprint = RequestFingerprint.of(command);
    Instant now = clock.instant();
    SagaRecord saga = new SagaRecord(ids.next(), command.cartId(), command.customerId(), command.scope(),
        command.idempotencyKey(), ids.next(), ids.next(), ids.next(), Step.VIEW, SagaState.RUNNING, 1,
        context(command));
    return sagas.begin(saga, fingerprint, now, now.plusSeconds(settings.idempotencyTtlSeconds()),
        now.plusMillis(settings.sagaLeaseMs())).compose(start -> {
          if (start instanceof Sagas.Begun begun) {
            return runner.forward(begun.saga(), new Secrets(command.cartToken(), command.card()));
          }
          if (start instanceof Sagas.KeyHeld held) {
            if (!held.fingerprint().equals(fingerprint)) {
              return rejected(new Rejection.KeyReused());
            }
            return held.response() == null ? rejected(new Rejection.InProgress())
                : Future.succeededFuture(Reply.replayOf(held.response()));
          }
          return rejected(new Rejection.CartBusy());
        });
  }

  private static JsonObject context(CheckoutCommand command) {
    JsonObject address = new JsonObject();
    command.shippingAddress().forEach(address::put);
    JsonObject ctx = new JsonObject().put("email", command.email()).put("shippingAddress", address);
    if (command.currency() != null) {
      ctx.put("currency", command.currency());
    }
    if (command.couponCodes() != null) {
      ctx.put("couponCodes", new JsonArray(command.couponCodes()));
    }
    return ctx;
  }

  private static <T> Future<T> rejected(Rejection rejection) {
    return Future.failedFuture(new Rejected(rejection));
  }
}
