package org.emporium.checkout.application;

import io.vertx.core.json.JsonObject;

/**
 * A checkout's answer: 201 with the order, or a failure status with its problem JSON. Stored as
 * {@code {status, body}} for its idempotency key; {@code replayed} when it comes from there.
 */
public record Reply(int status, JsonObject body, boolean replayed) {

  public JsonObject toJson() {
    return new JsonObject().put("status", status).put("body", body);
  }

  public static Reply replayOf(JsonObject stored) {
    return new Reply(stored.getInteger("status"), stored.getJsonObject("body"), true);
  }
}
