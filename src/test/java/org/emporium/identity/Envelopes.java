package org.emporium.identity;

import io.vertx.core.json.JsonObject;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.auth.PrincipalJson;

/** Forwarded-request envelopes as the edge builds them (docs/edge.md). */
final class Envelopes {

  private Envelopes() {
  }

  static JsonObject body(JsonObject body) {
    return new JsonObject().put("body", body);
  }

  static JsonObject empty() {
    return new JsonObject();
  }

  static JsonObject from(String clientIp, JsonObject body) {
    return body(body).put("client", new JsonObject().put("ip", clientIp));
  }

  static JsonObject as(Principal principal, JsonObject envelope) {
    return envelope.copy().put("principal", PrincipalJson.toJson(principal));
  }

  static JsonObject path(JsonObject envelope, String name, Object value) {
    JsonObject copy = envelope.copy();
    JsonObject path = copy.getJsonObject("path", new JsonObject());
    copy.put("path", path.put(name, String.valueOf(value)));
    return copy;
  }

  static JsonObject login(String email, String password) {
    return body(new JsonObject().put("email", email).put("password", password));
  }
}
