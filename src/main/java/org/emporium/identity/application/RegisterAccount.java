package org.emporium.identity.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.emporium.identity.domain.Account;
import org.emporium.identity.domain.PasswordPolicy;
import org.emporium.identity.domain.Registration;
import org.emporium.identity.domain.Rejection;
import org.emporium.identity.domain.RoleRules;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.Transaction;
import org.emporium.platform.id.TimeOrderedIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Signs a customer up: the account and its {@code account.registered} event commit together, then
 * the customer context is asked for a profile. If that call fails the account still stands: the
 * customer context also makes the profile from the event.
 */
public final class RegisterAccount {

  private static final Logger LOG = LoggerFactory.getLogger(RegisterAccount.class);

  private final Pool pool;
  private final Outbox outbox;
  private final Accounts accounts;
  private final Passwords passwords;
  private final CustomerProfiles profiles;
  private final PasswordPolicy policy;
  private final Clock clock;
  private final TimeOrderedIds ids;

  public RegisterAccount(Pool pool, Outbox outbox, Accounts accounts, Passwords passwords, CustomerProfiles profiles,
      PasswordPolicy policy, Clock clock, TimeOrderedIds ids) {
    this.pool = pool;
    this.outbox = outbox;
    this.accounts = accounts;
    this.passwords = passwords;
    this.profiles = profiles;
    this.policy = policy;
    this.clock = clock;
    this.ids = ids;
  }

  /** The new account's id (= customer id). */
  public Future<UUID> register(String email, String password, String name) {
    return Future.succeededFuture()
        .map(v -> Registration.validate(email, password, name, policy))
        .compose(registration -> accounts.byEmail(registration.email())
            // a cheap early answer; the unique index decides races
            .compose(existing -> existing.isPresent() ? taken() : passwords.hash(registration.password()))
            .map(hash -> new Account(ids.next(), registration.email(), registration.name(), hash,
                List.of(RoleRules.CUSTOMER), null, clock.instant())))
        .compose(account -> Transaction.run(pool, outbox, tx -> accounts.insert(tx.connection(), account)
            .map(inserted -> {
              tx.publish(AccountEvents.registered(account));
              return account;
            })))
        .compose(account -> profiles.create(account.id(), account.email(), account.name())
            .recover(failure -> {
              LOG.warn("Account {} registered, but customer.createProfile failed ({}); the customer context "
                  + "will make the profile from the account.registered event", account.id(), failure.toString());
              return Future.succeededFuture();
            })
            .map(created -> account.id()));
  }

  private static <T> Future<T> taken() {
    return Future.failedFuture(new Rejection.EmailTaken().toException());
  }
}
