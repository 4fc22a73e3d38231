package org.emporium.checkout.application;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * The other contexts a checkout talks to, each a request with the step timeout; a refusal fails
 * the future with the other context's problem (its HTTP status as failure code).
 */
public interface Downstream {

  Future<JsonObject> request(String address, JsonObject body);
}
