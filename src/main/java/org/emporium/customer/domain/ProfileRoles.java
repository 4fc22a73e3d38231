package org.emporium.customer.domain;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The roles a profile shows: the caller's Emporium roles, known ones only, sorted. */
public final class ProfileRoles {

  private static final Set<String> KNOWN = Set.of("customer", "seller", "admin");
  public static final List<String> DEFAULT = List.of("customer");

  private ProfileRoles() {
  }

  public static List<String> of(Collection<String> roles) {
    List<String> shown = roles.stream().filter(KNOWN::contains).distinct().sorted().toList();
    return shown.isEmpty() ? DEFAULT : shown;
  }
}
