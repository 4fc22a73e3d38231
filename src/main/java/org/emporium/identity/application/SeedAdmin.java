package org.emporium.identity.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.emporium.identity.domain.Account;
import org.emporium.identity.domain.Emails;
import org.emporium.identity.domain.RoleRules;
import org.emporium.platform.config.ConfigException;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.Transaction;
import org.emporium.platform.id.TimeOrderedIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;

/**
 * Makes sure the admin account of {@code adminPassword} / {@code identity.adminEmail} exists with
 * roles customer and admin; an existing account is left as it is. The well-known local password
 * {@code admin} (shorter than the policy) is accepted in the local profile only.
 */
public final class SeedAdmin {

  private static final Logger LOG = LoggerFactory.getLogger(SeedAdmin.class);
  static final String LOCAL_PASSWORD = "admin";
  private static final String LOCAL_PROFILE = "local";

  private final Pool pool;
  private final Outbox outbox;
  private final Accounts accounts;
  private final Passwords passwords;
  private final Clock clock;
  private final TimeOrderedIds ids;

  public SeedAdmin(Pool pool, Outbox outbox, Accounts accounts, Passwords passwords, Clock clock, TimeOrderedIds ids) {
    this.pool = pool;
    this.outbox = outbox;
    this.accounts = accounts;
    this.passwords = passwords;
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * Refuses settings no node may start with: the local password outside the local profile, or a
   * password against the policy elsewhere.
   */
  public static void check(IdentitySettings settings) {
    String password = settings.adminPassword();
    if (password == null) {
      return;
    }
    boolean local = LOCAL_PROFILE.equals(settings.profile());
    if (password.equals(LOCAL_PASSWORD) && !local) {
      throw new ConfigException("adminPassword 'admin' is for the local profile only; profile '" + settings.profile()
          + "' needs a strong password in EMPORIUM_ADMIN_PASSWORD (or none)");
    }
    if (!local && settings.passwordPolicy().problem(password).isPresent()) {
      throw new ConfigException("adminPassword " + settings.passwordPolicy().problem(password).get());
    }
    if (!Emails.isValid(Emails.normalise(settings.adminEmail()))) {
      throw new ConfigException("identity.adminEmail is not a valid email address: " + settings.adminEmail());
    }
  }

  public Future<Void> ensure(IdentitySettings settings) {
    if (settings.adminPassword() == null) {
      return Future.succeededFuture();
    }
    String email = Emails.normalise(settings.adminEmail());
    return accounts.byEmail(email).compose(existing -> existing.isPresent()
        ? Future.succeededFuture()
        : passwords.hash(settings.adminPassword()).compose(hash -> insert(new Account(ids.next(), email,
            "Administrator", hash, List.of(RoleRules.CUSTOMER, RoleRules.ADMIN), null, clock.instant()))));
  }

  private Future<Void> insert(Account admin) {
    return Transaction.run(pool, outbox, tx -> accounts.insertIfAbsent(tx.connection(), admin).map(added -> {
      if (added) {
        tx.publish(AccountEvents.registered(admin));
        LOG.info("Admin account {} created", admin.email());
      }
      return null;
    }));
  }
}
