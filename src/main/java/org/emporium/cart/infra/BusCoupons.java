package org.emporium.cart.infra;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.emporium.cart.application.Coupons;
import org.emporium.cart.application.Rejected;
import org.emporium.cart.domain.Rejection;
import org.emporium.cart.domain.Violation;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.Problems;
import org.emporium.platform.eventbus.RequestIds;
import org.emporium.platform.eventbus.SameLoop;

import java.util.List;
import java.util.UUID;

/**
 * Coupon checks over {@code pricing.validateCoupon}, with a timeout. When no node serves it (or it
 * does not answer) no code is taken on trust: the request is refused as unavailable. A refusal by
 * pricing is the cart's own refusal of the code, with pricing's reason.
 */
public final class BusCoupons implements Coupons {

  private final Vertx vertx;
  private final long timeoutMs;

  public BusCoupons(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public Future<String> validate(String code, String currency, UUID customerId) {
    JsonObject request = new JsonObject().put("code", code).put("currency", currency);
    if (customerId != null) {
      request.put("customerId", customerId.toString());
    }
    return SameLoop.<JsonObject>request(vertx.eventBus(), "pricing.validateCoupon", request,
        RequestIds.deliveryOptions(timeoutMs))
        .map(Message::body)
        .map(reply -> reply.getString("code", code))
        .recover(failure -> {
          Problem problem = Problems.from(failure);
          if (problem.status() >= 500) {
            return Future.failedFuture(new Rejected(new Rejection.Unavailable(
                "Coupon codes cannot be checked right now, so none is applied; try again later.")));
          }
          String reason = problem.detail() == null ? "cannot be used" : problem.detail();
          return Future.failedFuture(new Rejected(new Rejection.Unprocessable("Coupon " + code + " cannot be applied: "
              + reason, List.of(new Violation("/code", reason)))));
        });
  }
}
