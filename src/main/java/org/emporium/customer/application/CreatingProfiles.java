package org.emporium.customer.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.emporium.customer.domain.NewProfile;
import org.emporium.customer.domain.Profile;
import org.emporium.customer.domain.Rejection;
import org.emporium.customer.domain.Violation;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.Transaction;

import java.util.List;
import java.util.Optional;

/**
 * Makes profiles, idempotently: from {@code customer.createProfile}, from the account-registered
 * event, and from the claims of a signed-in caller who has none yet. Whoever inserts the row
 * publishes {@code customer.registered}, in the same transaction; everyone else finds the row.
 */
public final class CreatingProfiles {

  private final Pool pool;
  private final Outbox outbox;
  private final Profiles profiles;

  public CreatingProfiles(Pool pool, Outbox outbox, Profiles profiles) {
    this.pool = pool;
    this.outbox = outbox;
    this.profiles = profiles;
  }

  /** True when this call made the profile, false when it existed. */
  public Future<Boolean> create(NewProfile profile) {
    List<Violation> violations = profile.violations();
    if (!violations.isEmpty()) {
      return Future.failedFuture(new Rejected(new Rejection.Invalid(violations)));
    }
    return Transaction.run(pool, outbox, tx -> create(tx, profile)).map(Optional::isPresent);
  }

  /** Within {@code tx}: the new profile, or empty when the customer had one. */
  public Future<Optional<Profile>> create(Transaction tx, NewProfile profile) {
    return profiles.insertIfAbsent(tx.connection(), profile).onSuccess(inserted ->
        inserted.ifPresent(created -> tx.publish(CustomerEvents.registered(created))));
  }

  /**
   * Within {@code tx}: the caller's profile, locked; made from the token's claims first when there
   * is none and the token carries an email. Without one the caller has no profile (404).
   */
  public Future<Profile> ownLocked(Transaction tx, Principal caller) {
    return profiles.lock(tx.connection(), caller.customerId()).compose(found -> {
      if (found.isPresent()) {
        return Future.succeededFuture(found.get());
      }
      NewProfile fromClaims = NewProfile.fromClaims(caller.customerId(), caller.email(), caller.name(),
          List.copyOf(caller.roles()));
      if (caller.email() == null || !fromClaims.violations().isEmpty()) {
        return Future.failedFuture(new Rejected(new Rejection.NotFound("You have no customer profile yet.")));
      }
      // a concurrent creation wins the insert; the lock then waits for it and finds its row
      return create(tx, fromClaims).compose(created -> created.isPresent()
          ? Future.succeededFuture(created.get())
          : profiles.lock(tx.connection(), caller.customerId()).map(Optional::orElseThrow));
    });
  }
}
