package org.emporium.edge.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Maps an issuer's role claims to Emporium roles: realm roles from {@code realm_access.roles},
 * client roles from {@code resource_access.<clientId>.roles} (Keycloak's shape, which the
 * built-in issuer uses too), plus roles every user of the issuer has. Unmapped roles are ignored.
 *
 * @param clientId the client whose roles are read, or null for none
 * @param shopIdClaim the claim holding a seller's shop id
 */
public record RoleMapping(Map<String, String> realmRoles, String clientId, Map<String, String> clientRoles,
    Set<String> defaultRoles, String shopIdClaim) {

  public RoleMapping {
    realmRoles = Map.copyOf(realmRoles);
    clientRoles = Map.copyOf(clientRoles);
    defaultRoles = Set.copyOf(defaultRoles);
  }

  /** The built-in issuer's mapping: its realm roles are Emporium role names already. */
  public static RoleMapping builtIn(Set<String> emporiumRoles) {
    Map<String, String> identity = emporiumRoles.stream()
        .collect(Collectors.toMap(Function.identity(), Function.identity()));
    return new RoleMapping(identity, null, Map.of(), Set.of(), "shop_id");
  }

  public Set<String> roles(JsonObject claims) {
    Set<String> roles = new HashSet<>(defaultRoles);
    mapInto(roles, rolesAt(claims.getValue("realm_access")), realmRoles);
    if (clientId != null && claims.getValue("resource_access") instanceof JsonObject clients) {
      mapInto(roles, rolesAt(clients.getValue(clientId)), clientRoles);
    }
    return roles;
  }

  /** The shop id claim as text (issuers may send it as a number), or null. */
  public String shopId(JsonObject claims) {
    Object value = claims.getValue(shopIdClaim);
    return value instanceof String || value instanceof Number ? String.valueOf(value) : null;
  }

  private static JsonArray rolesAt(Object access) {
    return access instanceof JsonObject object && object.getValue("roles") instanceof JsonArray roles
        ? roles : new JsonArray();
  }

  private static void mapInto(Set<String> roles, JsonArray external, Map<String, String> mapping) {
    for (Object role : external) {
      if (role instanceof String name && mapping.containsKey(name)) {
        roles.add(mapping.get(name));
      }
    }
  }
}
