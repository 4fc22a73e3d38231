package org.emporium.identity;

import io.vertx.core.json.JsonObject;
import org.emporium.platform.auth.Principal;

import java.util.UUID;

/** The customer journeys the tests build on: sign up, sign in, read the JWKS, become a principal. */
final class Flows {

  static final String PASSWORD = "correct horse battery";

  private final IdentityNode node;

  Flows(IdentityNode node) {
    this.node = node;
  }

  UUID register(String email, String password, String name) {
    JsonObject reply = node.call("identity.register", Envelopes.body(new JsonObject()
        .put("email", email).put("password", password).put("name", name)));
    return UUID.fromString(reply.getJsonObject("body").getString("customerId"));
  }

  /** A fresh account with {@link #PASSWORD}; returns its email. */
  String newAccount() {
    String email = IdentityNode.newEmail();
    register(email, PASSWORD, "Ada Lovelace");
    return email;
  }

  /** The {@code TokenPair} of a successful sign-in. */
  JsonObject login(String email, String password) {
    JsonObject reply = node.call("identity.login", Envelopes.login(email, password));
    if (reply.getInteger("status") != 200) {
      throw new AssertionError("login answered " + reply);
    }
    return reply.getJsonObject("body");
  }

  JsonObject refresh(String refreshToken) {
    return node.call("identity.refresh", Envelopes.body(new JsonObject().put("refresh_token", refreshToken)))
        .getJsonObject("body");
  }

  JsonObject jwks() {
    return node.call("identity.jwks", Envelopes.empty()).getJsonObject("body");
  }

  JsonObject claims(JsonObject pair) throws Exception {
    return IssuedTokens.verify(pair.getString("access_token"), jwks());
  }

  Principal principal(JsonObject pair) throws Exception {
    return IssuedTokens.principal(claims(pair));
  }
}
