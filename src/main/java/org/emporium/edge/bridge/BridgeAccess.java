package org.emporium.edge.bridge;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import org.emporium.edge.auth.Authenticator;

import java.util.Optional;

/**
 * Decides every frame a browser sends over the bridge: it may listen on any SKU's stock, on its own
 * orders address when the frame carries the customer's access token, and nothing else; it may
 * never send or publish (not even to a reply address, which the bridge would otherwise let
 * through). The token is checked by the edge's {@link Authenticator}, asynchronously.
 */
final class BridgeAccess implements Handler<BridgeEvent> {

  private final Authenticator authenticator;

  BridgeAccess(Authenticator authenticator) {
    this.authenticator = authenticator;
  }

  @Override
  public void handle(BridgeEvent event) {
    switch (event.type()) {
      case REGISTER -> register(event);
      case SEND, PUBLISH -> event.complete(false);
      default -> event.complete(true);
    }
  }

  private void register(BridgeEvent event) {
    JsonObject frame = event.getRawMessage();
    String address = frame == null || !(frame.getValue("address") instanceof String s) ? null : s;
    if (LiveAddresses.isStock(address)) {
      event.complete(true);
      return;
    }
    Optional<String> owner = LiveAddresses.ordersOwner(address);
    String authorization = authorization(frame);
    if (owner.isEmpty() || authorization == null) {
      event.complete(false);
      return;
    }
    authenticator.authenticate(authorization).onComplete(done -> event.complete(
        done.succeeded() && done.result().customerId().toString().equals(owner.get())));
  }

  /** The {@code Authorization} header of a frame, whatever the case of its name. */
  private static String authorization(JsonObject frame) {
    if (!(frame.getValue("headers") instanceof JsonObject headers)) {
      return null;
    }
    for (String name : headers.fieldNames()) {
      if ("authorization".equalsIgnoreCase(name) && headers.getValue(name) instanceof String value) {
        return value;
      }
    }
    return null;
  }
}
