package org.emporium.reliability.hostile;

import java.util.Set;

/** Who sends a request: nobody, a signed-in customer, or the admin. */
public enum Persona {
  ANONYMOUS, CUSTOMER, ADMIN;

  /** The customer role's permissions in {@code conf/base.json} ({@code auth.permissions.customer}). */
  private static final Set<String> CUSTOMER_PERMISSIONS = Set.of("customer:self", "cart:own", "checkout:place",
      "orders:own");

  static Persona forPermission(String permission) {
    return CUSTOMER_PERMISSIONS.contains(permission) ? CUSTOMER : ADMIN;
  }

  /** Whether this persona gets past the operation's authentication and permission check. */
  boolean passes(Contract.Operation op) {
    return ordinal() >= op.persona().ordinal();
  }
}
