package org.emporium.checkout.infra;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.emporium.checkout.application.Downstream;
import org.emporium.platform.eventbus.RequestIds;
import org.emporium.platform.eventbus.SameLoop;
import org.emporium.platform.eventbus.SharedJson;

/** The other contexts over the event bus, every request with the step timeout and the request id. */
public final class BusDownstream implements Downstream {

  private final Vertx vertx;
  private final long timeoutMs;

  public BusDownstream(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public Future<JsonObject> request(String address, JsonObject body) {
    return SameLoop.<JsonObject>request(vertx.eventBus(), address, body,
        SharedJson.use(RequestIds.deliveryOptions(timeoutMs)))
        .map(Message::body);
  }
}
