package org.emporium.customer.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.emporium.customer.domain.Profile;
import org.emporium.customer.domain.ProfileRoles;
import org.emporium.customer.domain.Rejection;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.Transaction;

import java.util.List;
import java.util.UUID;

/**
 * Reads profiles through the cache. A caller's own read also records the roles its token carries
 * (for admin reads) and makes the profile from the token's claims when there is none yet.
 */
public final class ReadingProfiles {

  private final Pool pool;
  private final Outbox outbox;
  private final Profiles profiles;
  private final ProfileCache cache;
  private final CreatingProfiles creating;

  public ReadingProfiles(Pool pool, Outbox outbox, Profiles profiles, ProfileCache cache, CreatingProfiles creating) {
    this.pool = pool;
    this.outbox = outbox;
    this.profiles = profiles;
    this.cache = cache;
    this.creating = creating;
  }

  /** The caller's own profile, with the roles of the caller's token. */
  public Future<Profile> own(Principal caller) {
    List<String> roles = ProfileRoles.of(caller.roles());
    return cache.get(caller.customerId()).compose(cached -> {
      if (cached.isPresent() && cached.get().roles().equals(roles)) {
        return Future.succeededFuture(cached.get());
      }
      return profiles.find(pool, caller.customerId())
          .compose(stored -> stored.isPresent() ? withRoles(stored.get(), roles) : createFromClaims(caller))
          .compose(profile -> cache.put(profile).map(profile));
    });
  }

  /** Any customer's profile, for an admin; roles as last seen in the customer's own token. */
  public Future<Profile> any(UUID customerId) {
    return cache.get(customerId).compose(cached -> cached.isPresent()
        ? Future.succeededFuture(cached.get())
        : profiles.find(pool, customerId).compose(stored -> stored
            .map(profile -> cache.put(profile).map(profile))
            .orElseGet(() -> Future.failedFuture(notFound()))));
  }

  private Future<Profile> withRoles(Profile profile, List<String> roles) {
    return profile.roles().equals(roles) ? Future.succeededFuture(profile)
        : profiles.saveRoles(pool, profile.customerId(), roles);
  }

  private Future<Profile> createFromClaims(Principal caller) {
    return Transaction.run(pool, outbox, tx -> creating.ownLocked(tx, caller));
  }

  private static Rejected notFound() {
    return new Rejected(new Rejection.NotFound("No customer has this id."));
  }
}
