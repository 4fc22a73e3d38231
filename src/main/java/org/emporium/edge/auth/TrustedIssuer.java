package org.emporium.edge.auth;

import io.vertx.core.json.JsonObject;
import org.emporium.platform.auth.Principal;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An issuer whose tokens the edge accepts: its URL (the exact {@code iss} of its tokens, and the
 * base of its OIDC discovery), the audience its tokens must name, and how its roles map.
 *
 * @param clientId the OAuth2 client id the edge presents to the issuer (its audience when unset)
 */
public record TrustedIssuer(String url, String audience, String clientId, RoleMapping roleMapping) {

  private static final Pattern CANONICAL_UUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** The caller described by verified claims of this issuer's token. */
  public Principal principal(JsonObject claims, RolePermissions permissions) {
    String subject = text(claims, "sub");
    Set<String> roles = roleMapping.roles(claims);
    String name = text(claims, "name");
    return new Principal(subject, customerId(subject), url, roles, permissions.grantedTo(roles),
        roleMapping.shopId(claims), text(claims, "sid"), text(claims, "email"),
        name != null ? name : text(claims, "preferred_username"));
  }

  /**
   * {@code sub} when it is a UUID (the built-in issuer's account id), otherwise a name-based UUID
   * of issuer and subject, so an external user keeps one customer id.
   */
  UUID customerId(String subject) {
    if (CANONICAL_UUID.matcher(subject).matches()) {
      return UUID.fromString(subject);
    }
    return UUID.nameUUIDFromBytes((url + "|" + subject).getBytes(StandardCharsets.UTF_8));
  }

  static String text(JsonObject claims, String name) {
    return claims.getValue(name) instanceof String value && !value.isBlank() ? value : null;
  }
}
