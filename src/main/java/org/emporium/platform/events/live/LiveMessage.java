package org.emporium.platform.events.live;

import io.vertx.core.json.JsonObject;

import java.util.Objects;

/** What a live event becomes on the event bus: the address it is published to and its JSON payload. */
public record LiveMessage(String address, JsonObject payload) {

  public LiveMessage {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(payload, "payload");
  }
}
