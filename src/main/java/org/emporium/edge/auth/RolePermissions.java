package org.emporium.edge.auth;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** {@code auth.permissions}: what each Emporium role may do; {@code *} grants everything. */
public record RolePermissions(Map<String, Set<String>> byRole) {

  public RolePermissions {
    byRole = Map.copyOf(byRole);
  }

  /** The Emporium roles there are. */
  public Set<String> roles() {
    return byRole.keySet();
  }

  /** The permissions the roles grant together; unknown roles grant nothing. */
  public Set<String> grantedTo(Set<String> roles) {
    Set<String> granted = new HashSet<>();
    for (String role : roles) {
      granted.addAll(byRole.getOrDefault(role, Set.of()));
    }
    return granted;
  }
}
