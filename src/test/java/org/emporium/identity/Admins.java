package org.emporium.identity;

import org.emporium.platform.auth.Principal;

import java.util.Set;
import java.util.UUID;

/** Admin callers as the edge forwards them. */
final class Admins {

  private Admins() {
  }

  /** Some admin (an account id of its own). */
  static Principal principal() {
    return principal(UUID.randomUUID());
  }

  static Principal principal(UUID accountId) {
    return new Principal(accountId.toString(), accountId, "http://localhost", Set.of("customer", "admin"),
        Set.of(Principal.ALL_PERMISSIONS), null, UUID.randomUUID().toString(), "admin@shop.example", "Admin");
  }
}
