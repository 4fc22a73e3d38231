package org.emporium.platform.auth;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, as the edge established it from a validated access token: the subject, the
 * customer id it maps to, Emporium roles and the permissions they grant. Free of Vert.x so use
 * cases and domain rules can take it.
 *
 * @param subject the token's {@code sub}
 * @param customerId the customer this subject is ({@code sub} itself when it is a UUID)
 * @param issuer the token's {@code iss}
 * @param roles Emporium roles ({@code customer}, {@code seller}, {@code admin})
 * @param permissions what the roles grant, by {@code auth.permissions}; {@code *} grants all
 * @param shopId the seller's shop, or null
 * @param sessionId the built-in issuer's session ({@code sid}), or null
 * @param email the token's {@code email}, or null
 * @param name the token's {@code name}, or null
 */
public record Principal(String subject, UUID customerId, String issuer, Set<String> roles,
    Set<String> permissions, String shopId, String sessionId, String email, String name) {

  public static final String ALL_PERMISSIONS = "*";

  public Principal {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(customerId, "customerId");
    roles = Set.copyOf(roles);
    permissions = Set.copyOf(permissions);
  }

  public boolean has(String permission) {
    return permissions.contains(ALL_PERMISSIONS) || permissions.contains(permission);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }
}
