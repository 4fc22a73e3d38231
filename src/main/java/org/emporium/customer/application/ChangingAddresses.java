package org.emporium.customer.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import org.emporium.customer.domain.Address;
import org.emporium.customer.domain.AddressBookLimit;
import org.emporium.customer.domain.AddressInput;
import org.emporium.customer.domain.Defaults;
import org.emporium.customer.domain.Profile;
import org.emporium.customer.domain.Rejection;
import org.emporium.customer.domain.SavedAddress;
import org.emporium.customer.domain.Violation;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.Transaction;
import org.emporium.platform.id.TimeOrderedIds;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Adds, replaces and deletes the caller's addresses. Each change locks the caller's profile, so
 * the limit and the defaults (see {@link Defaults}) hold under concurrent requests; when the
 * defaults move, the cached profile is evicted after the commit.
 */
public final class ChangingAddresses {

  private final Pool pool;
  private final Outbox outbox;
  private final Profiles profiles;
  private final Addresses addresses;
  private final ProfileCache cache;
  private final CreatingProfiles creating;
  private final TimeOrderedIds ids;
  private final AddressBookLimit limit;

  public ChangingAddresses(Pool pool, Outbox outbox, Profiles profiles, Addresses addresses, ProfileCache cache,
      CreatingProfiles creating, TimeOrderedIds ids, AddressBookLimit limit) {
    this.pool = pool;
    this.outbox = outbox;
    this.profiles = profiles;
    this.addresses = addresses;
    this.cache = cache;
    this.creating = creating;
    this.ids = ids;
    this.limit = limit;
  }

  public Future<SavedAddress> add(Principal caller, AddressInput input) {
    return valid(input).compose(ok -> change(caller, tx -> creating.ownLocked(tx, caller)
        .compose(profile -> admitOneMore(tx, profile)
            .compose(admitted -> addresses.insert(tx.connection(), profile.customerId(), ids.next(), input.lines()))
            .compose(address -> saved(tx, profile, address, input)))));
  }

  public Future<SavedAddress> replace(Principal caller, UUID addressId, AddressInput input) {
    return valid(input).compose(ok -> change(caller, tx -> lockOwn(tx, caller).compose(profile ->
        addresses.replace(tx.connection(), profile.customerId(), addressId, input.lines())
            .compose(replaced -> replaced.map(address -> saved(tx, profile, address, input))
                .orElseGet(() -> Future.failedFuture(noSuchAddress()))))));
  }

  public Future<Void> delete(Principal caller, UUID addressId) {
    return change(caller, tx -> lockOwn(tx, caller).compose(profile ->
        addresses.find(tx.connection(), profile.customerId(), addressId).compose(found -> {
          if (found.isEmpty()) {
            return Future.failedFuture(noSuchAddress());
          }
          // the defaults move first: the profile's references must not outlive the address
          return addresses.newestExcept(tx.connection(), profile.customerId(), addressId)
              .compose(newest -> moveDefaults(tx.connection(), profile,
                  defaults(profile).afterDelete(addressId, newest.orElse(null))))
              .compose(moved -> addresses.delete(tx.connection(), profile.customerId(), addressId)
                  .map(deleted -> new Result(null, moved.changed())));
        }))).mapEmpty();
  }

  private Future<SavedAddress> change(Principal caller, Function<Transaction, Future<Result>> work) {
    return Transaction.run(pool, outbox, work).compose(result -> result.profileChanged()
        ? cache.evict(caller.customerId()).map(result.address()) : Future.succeededFuture(result.address()));
  }

  private Future<Void> admitOneMore(Transaction tx, Profile profile) {
    return addresses.count(tx.connection(), profile.customerId()).compose(count -> limit.admitOneMore(count)
        .<Future<Void>>map(full -> Future.failedFuture(new Rejected(full)))
        .orElseGet(Future::succeededFuture));
  }

  private Future<Result> saved(Transaction tx, Profile profile, Address address, AddressInput input) {
    Defaults next = defaults(profile).afterSave(address.id(), input.makeDefault(), input.makeDefaultBilling());
    return moveDefaults(tx.connection(), profile, next)
        .map(moved -> new Result(SavedAddress.of(address, moved.now()), moved.changed()));
  }

  private Future<Profile> lockOwn(Transaction tx, Principal caller) {
    // without a profile there is no address either
    return profiles.lock(tx.connection(), caller.customerId()).compose(found -> found
        .map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(noSuchAddress())));
  }

  private Future<Moved> moveDefaults(SqlClient tx, Profile profile, Defaults next) {
    Defaults current = defaults(profile);
    if (!next.differsFrom(current)) {
      return Future.succeededFuture(new Moved(current, false));
    }
    return profiles.saveDefaults(tx, profile.customerId(), next).map(saved -> new Moved(next, true));
  }

  private static Defaults defaults(Profile profile) {
    return new Defaults(profile.defaultShippingAddressId(), profile.defaultBillingAddressId());
  }

  private static Future<Void> valid(AddressInput input) {
    List<Violation> violations = input.lines().violations();
    return violations.isEmpty() ? Future.succeededFuture()
        : Future.failedFuture(new Rejected(new Rejection.Invalid(violations)));
  }

  private static Rejected noSuchAddress() {
    return new Rejected(new Rejection.NotFound("You have no address with this id."));
  }

  private record Moved(Defaults now, boolean changed) {
  }

  private record Result(SavedAddress address, boolean profileChanged) {
  }
}
