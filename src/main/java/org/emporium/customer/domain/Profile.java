package org.emporium.customer.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer's profile. {@code roles} are the roles last seen in the customer's own token (the
 * token is the truth; the copy serves admin reads).
 */
public record Profile(UUID customerId, String email, String name, Preferences preferences, List<String> roles,
    UUID defaultShippingAddressId, UUID defaultBillingAddressId, Instant createdAt, Instant updatedAt) {

  public Profile {
    Objects.requireNonNull(customerId, "customerId");
    preferences = preferences == null ? Preferences.NONE : preferences;
    roles = List.copyOf(roles);
  }

  public Profile withRoles(List<String> newRoles) {
    return new Profile(customerId, email, name, preferences, newRoles, defaultShippingAddressId,
        defaultBillingAddressId, createdAt, updatedAt);
  }

  public Profile withDefaults(UUID shipping, UUID billing) {
    return new Profile(customerId, email, name, preferences, roles, shipping, billing, createdAt, updatedAt);
  }

  public Profile withNameAndPreferences(String newName, Preferences newPreferences) {
    return new Profile(customerId, email, newName, newPreferences, roles, defaultShippingAddressId,
        defaultBillingAddressId, createdAt, updatedAt);
  }
}
