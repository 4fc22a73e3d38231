package org.emporium.identity.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.emporium.identity.domain.Account;
import org.emporium.identity.domain.PasswordPolicy;
import org.emporium.identity.domain.Rejection;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.Transaction;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Changes the caller's password after checking the current one; every session of the account is
 * revoked and {@code account.password-changed} published in the same transaction.
 */
public final class ChangePassword {

  private final Pool pool;
  private final Outbox outbox;
  private final Accounts accounts;
  private final Sessions sessions;
  private final Passwords passwords;
  private final PasswordPolicy policy;
  private final Clock clock;

  public ChangePassword(Pool pool, Outbox outbox, Accounts accounts, Sessions sessions, Passwords passwords,
      PasswordPolicy policy, Clock clock) {
    this.pool = pool;
    this.outbox = outbox;
    this.accounts = accounts;
    this.sessions = sessions;
    this.passwords = passwords;
    this.policy = policy;
    this.clock = clock;
  }

  public Future<Void> change(Principal caller, String currentPassword, String newPassword) {
    var problem = policy.problem(newPassword);
    if (problem.isPresent()) {
      return Future.failedFuture(new Rejection.Invalid(List.of(
          new Rejection.FieldProblem("/newPassword", problem.get()))).toException());
    }
    return accounts.byId(caller.customerId())
        .compose(found -> found.isEmpty()
            ? notAllowed("This account has no password with this issuer.", "/currentPassword", "has no account here")
            : checkCurrent(found.get(), currentPassword))
        .compose(account -> passwords.hash(newPassword).compose(hash -> store(account, hash)));
  }

  private Future<Account> checkCurrent(Account account, String currentPassword) {
    if (currentPassword == null || currentPassword.isEmpty()) {
      return notAllowed("The current password is wrong.", "/currentPassword", "is not the current password");
    }
    return passwords.verify(currentPassword, account.passwordHash()).compose(matches -> matches
        ? Future.succeededFuture(account)
        : notAllowed("The current password is wrong.", "/currentPassword", "is not the current password"));
  }

  private Future<Void> store(Account account, String hash) {
    Instant now = clock.instant();
    return Transaction.run(pool, outbox, tx -> accounts.updatePassword(tx.connection(), account.id(), hash, now)
        .compose(updated -> sessions.revokeAll(tx.connection(), account.id(), now, "password-changed"))
        .map(revoked -> {
          tx.publish(AccountEvents.passwordChanged(account, now));
          return null;
        }));
  }

  private static <T> Future<T> notAllowed(String detail, String field, String message) {
    return Future.failedFuture(new Rejection.NotAllowed(detail,
        List.of(new Rejection.FieldProblem(field, message))).toException());
  }
}
