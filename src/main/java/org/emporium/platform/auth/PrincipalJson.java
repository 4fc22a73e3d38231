package org.emporium.platform.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** The JSON form of a {@link Principal}, as the edge puts it in a forwarded request. */
public final class PrincipalJson {

  private PrincipalJson() {
  }

  public static JsonObject toJson(Principal principal) {
    JsonObject json = new JsonObject()
        .put("subject", principal.subject())
        .put("customerId", principal.customerId().toString())
        .put("issuer", principal.issuer())
        .put("roles", new JsonArray(principal.roles().stream().sorted().toList()))
        .put("permissions", new JsonArray(principal.permissions().stream().sorted().toList()));
    putIfPresent(json, "shopId", principal.shopId());
    putIfPresent(json, "sessionId", principal.sessionId());
    putIfPresent(json, "email", principal.email());
    putIfPresent(json, "name", principal.name());
    return json;
  }

  public static Principal fromJson(JsonObject json) {
    return new Principal(json.getString("subject"), UUID.fromString(json.getString("customerId")),
        json.getString("issuer"), strings(json.getJsonArray("roles")), strings(json.getJsonArray("permissions")),
        json.getString("shopId"), json.getString("sessionId"), json.getString("email"), json.getString("name"));
  }

  private static Set<String> strings(JsonArray array) {
    Set<String> values = new HashSet<>();
    if (array != null) {
      array.forEach(value -> values.add(String.valueOf(value)));
    }
    return values;
  }

  private static void putIfPresent(JsonObject json, String key, String value) {
    if (value != null) {
      json.put(key, value);
    }
  }
}
