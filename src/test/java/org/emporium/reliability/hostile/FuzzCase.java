package org.emporium.reliability.hostile;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/**
 * One hostile request: the operation it aims at, where the damage is ({@code target}: a parameter,
 * a body property or the body itself), what kind of damage, and the request to send (without the
 * persona's token, which the runner adds).
 */
record FuzzCase(Contract.Operation op, Persona persona, String target, String kind, HttpMethod method, String uri,
    MultiMap headers, Buffer body) {

  /** This case sent by {@code persona}, with its access token ({@code null} for nobody). */
  FuzzCase as(Persona sender, String token) {
    MultiMap withToken = MultiMap.caseInsensitiveMultiMap().addAll(headers);
    if (token != null) {
      withToken.set("Authorization", "Bearer " + token);
    }
    return new FuzzCase(op, sender, target, kind, method, uri, withToken, body);
  }

  @Override
  public String toString() {
    String size = body == null ? "" : " (" + body.length() + " bytes)";
    return persona + " " + op.id() + " " + target + ": " + kind + size + " -> " + method + " "
        + (uri.length() > 160 ? uri.substring(0, 160) + "..." : uri);
  }
}
