package org.emporium.customer.application;

import io.vertx.core.Future;
import org.emporium.customer.domain.Profile;

import java.util.Optional;
import java.util.UUID;

/**
 * Profiles kept for fast reads. A cache that cannot answer behaves as empty; the store stays the
 * truth, and every committed change evicts the entry.
 */
public interface ProfileCache {

  Future<Optional<Profile>> get(UUID customerId);

  Future<Void> put(Profile profile);

  Future<Void> evict(UUID customerId);
}
