package org.emporium.customer.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.emporium.customer.domain.Profile;
import org.emporium.customer.domain.ProfileChange;
import org.emporium.customer.domain.ProfileRoles;
import org.emporium.customer.domain.Rejection;
import org.emporium.customer.domain.Violation;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.Transaction;

import java.util.List;

/**
 * Changes the caller's name and preferences. Only the caller's own profile can change (the id comes
 * from the token, never from the body); a change that alters something publishes
 * {@code customer.updated} with the members that changed, and evicts the cached profile after the
 * commit.
 */
public final class UpdatingProfiles {

  private final Pool pool;
  private final Outbox outbox;
  private final Profiles profiles;
  private final ProfileCache cache;
  private final CreatingProfiles creating;

  public UpdatingProfiles(Pool pool, Outbox outbox, Profiles profiles, ProfileCache cache, CreatingProfiles creating) {
    this.pool = pool;
    this.outbox = outbox;
    this.profiles = profiles;
    this.cache = cache;
    this.creating = creating;
  }

  public Future<Profile> update(Principal caller, ProfileChange change) {
    List<Violation> violations = change.violations();
    if (!violations.isEmpty()) {
      return Future.failedFuture(new Rejected(new Rejection.Invalid(violations)));
    }
    List<String> roles = ProfileRoles.of(caller.roles());
    return Transaction.run(pool, outbox, tx -> creating.ownLocked(tx, caller).compose(current -> {
      ProfileChange.Applied applied = change.applyTo(current);
      Future<Profile> saved = applied.changed().isEmpty() ? Future.succeededFuture(current)
          : profiles.saveNameAndPreferences(tx.connection(), applied.profile()).onSuccess(profile ->
              tx.publish(CustomerEvents.updated(profile, applied.changed())));
      return saved.compose(profile -> profile.roles().equals(roles) ? Future.succeededFuture(profile)
          : profiles.saveRoles(tx.connection(), profile.customerId(), roles));
    })).compose(profile -> cache.evict(profile.customerId()).map(profile));
  }
}
