package org.emporium.cart.infra;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.emporium.cart.application.Preferences;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.eventbus.ForwardedRequest;
import org.emporium.platform.eventbus.RequestIds;
import org.emporium.platform.eventbus.SameLoop;

import java.util.Optional;

/**
 * A customer's preferred currency from {@code customer.getProfile}, asked on the customer's behalf
 * (their principal in the envelope), with a timeout; no answer means no preference.
 */
public final class BusPreferences implements Preferences {

  private final Vertx vertx;
  private final long timeoutMs;

  public BusPreferences(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public Future<Optional<String>> currency(Principal caller) {
    JsonObject envelope = ForwardedRequest.envelope("getProfile", new JsonObject(), new JsonObject(),
        new JsonObject(), null, caller, null);
    return SameLoop.<JsonObject>request(vertx.eventBus(), "customer.getProfile", envelope,
        RequestIds.deliveryOptions(timeoutMs))
        .map(Message::body)
        .map(reply -> Optional.ofNullable(reply.getJsonObject("body", new JsonObject())
            .getJsonObject("preferences", new JsonObject()).getString("currency")))
        .otherwise(Optional.empty());
  }
}
