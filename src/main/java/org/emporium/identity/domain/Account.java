package org.emporium.identity.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A sign-in account of the built-in issuer; its id is also the customer id.
 *
 * @param email trimmed and lower-case
 * @param passwordHash an Argon2id PHC string
 * @param roles in {@link RoleRules#ORDER}
 * @param shopId the shop a seller sells for, else null
 */
public record Account(UUID id, String email, String name, String passwordHash, List<String> roles,
    UUID shopId, Instant createdAt) {

  public Account {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(email, "email");
    roles = List.copyOf(roles);
  }

  public Account withRoles(List<String> newRoles, UUID newShopId) {
    return new Account(id, email, name, passwordHash, newRoles, newShopId, createdAt);
  }
}
