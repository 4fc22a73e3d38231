package org.emporium.ordering;

import io.vertx.core.json.JsonObject;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.eventbus.ForwardedRequest;

import java.util.Set;
import java.util.UUID;

/** Edge envelopes for the forwarded ordering addresses, as an administrator sends them. */
final class OrderApiSupport {

  static final Principal ADMIN = new Principal("ordering-tests-admin", UUID.randomUUID(), "https://issuer.test",
      Set.of("admin"), Set.of("*"), null, "sid", "admin@example.com", "Admin");

  private OrderApiSupport() {
  }

  static JsonObject admin(String status, String orderId) {
    return ForwardedRequest.envelope("transitionOrder", new JsonObject().put("id", orderId), new JsonObject(),
        new JsonObject(), new JsonObject().put("status", status), ADMIN, "203.0.113.7");
  }

  static JsonObject adminGet(String orderId) {
    return ForwardedRequest.envelope("getOrder", new JsonObject().put("id", orderId), new JsonObject(),
        new JsonObject(), null, ADMIN, "203.0.113.7");
  }
}
