package org.emporium.ordering.infra;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.emporium.ordering.application.Compensations;
import org.emporium.platform.error.Problems;
import org.emporium.platform.eventbus.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * {@link Compensations} over the event bus ({@code payment.refund}, {@code inventory.restock},
 * {@code pricing.releaseCoupons}), each with the follow-up timeout. A reservation that was never
 * committed (the order was cancelled before the saga committed it) is released instead of restocked.
 */
public final class BusCompensations implements Compensations {

  private static final Logger LOG = LoggerFactory.getLogger(BusCompensations.class);

  private final Vertx vertx;
  private final long timeoutMs;

  public BusCompensations(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public Future<Long> refund(UUID paymentId, UUID refundId, String reason) {
    return request("payment.refund", new JsonObject().put("paymentId", paymentId.toString())
        .put("refundId", refundId.toString()).put("reason", reason))
        .map(payment -> payment.getValue("refunded") instanceof JsonObject money ? money.getLong("amount", 0L)
            : payment.getLong("refunded", 0L));
  }

  @Override
  public Future<Void> restock(UUID reservationId) {
    JsonObject body = new JsonObject().put("reservationId", reservationId.toString());
    return request("inventory.restock", body).<Void>mapEmpty().recover(failure -> switch (Problems.from(failure).status()) {
      case 409 -> request("inventory.release", body).mapEmpty();
      case 404 -> {
        LOG.warn("reservation {} of a cancelled order is unknown to inventory; nothing to restock", reservationId);
        yield Future.succeededFuture();
      }
      default -> Future.failedFuture(failure);
    });
  }

  @Override
  public Future<Void> releaseCoupons(UUID orderId) {
    return request("pricing.releaseCoupons", new JsonObject().put("orderId", orderId.toString())).mapEmpty();
  }

  private Future<JsonObject> request(String address, JsonObject body) {
    return vertx.eventBus().<JsonObject>request(address, body, RequestIds.deliveryOptions(timeoutMs)).map(Message::body);
  }
}
