package org.emporium.catalog.infra;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import org.emporium.catalog.application.StockReceipts;

/** {@link StockReceipts} through {@code inventory.receive} on the event bus, with a timeout. */
public final class BusStockReceipts implements StockReceipts {

  public static final String ADDRESS = "inventory.receive";

  private final EventBus bus;
  private final long timeoutMs;

  public BusStockReceipts(EventBus bus, long timeoutMs) {
    this.bus = bus;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public Future<Void> receive(String sku, int quantity, String reference) {
    JsonObject body = new JsonObject().put("sku", sku).put("quantity", quantity).put("reference", reference)
        .put("note", "demo catalog");
    return bus.request(ADDRESS, body, new DeliveryOptions().setSendTimeout(timeoutMs)).<Void>mapEmpty()
        .recover(failure -> failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS
            ? Future.failedFuture(new Unreachable("no inventory context answers " + ADDRESS))
            : Future.failedFuture(failure));
  }
}
