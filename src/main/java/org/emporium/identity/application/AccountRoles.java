package org.emporium.identity.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.emporium.identity.domain.Account;
import org.emporium.identity.domain.Rejection;
import org.emporium.identity.domain.RoleRules;
import org.emporium.identity.domain.RoleRules.RoleChange;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.Transaction;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;

/**
 * Admin operations on accounts: read one, grant or revoke a role by {@link RoleRules}. A change
 * is written with {@code account.roles-changed} under a row lock, so concurrent grants do not
 * undo each other; the account's next access token carries it.
 */
public final class AccountRoles {

  private final Pool pool;
  private final Outbox outbox;
  private final Accounts accounts;
  private final Clock clock;

  public AccountRoles(Pool pool, Outbox outbox, Accounts accounts, Clock clock) {
    this.pool = pool;
    this.outbox = outbox;
    this.accounts = accounts;
    this.clock = clock;
  }

  public Future<Account> get(UUID accountId) {
    return accounts.byId(accountId).compose(found -> found
        .map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(new Rejection.AccountNotFound().toException())));
  }

  public Future<Account> grant(UUID accountId, String role, UUID shopId) {
    return change(accountId, account -> RoleRules.grant(account, role, shopId));
  }

  public Future<Account> revoke(UUID accountId, String role, UUID actingAccountId) {
    return change(accountId, account -> RoleRules.revoke(account, role, actingAccountId));
  }

  private Future<Account> change(UUID accountId, Function<Account, RoleChange> rule) {
    return Transaction.run(pool, outbox, tx -> accounts.lockById(tx.connection(), accountId).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(new Rejection.AccountNotFound().toException());
      }
      RoleChange change = rule.apply(found.get());
      if (change instanceof RoleChange.Refused refused) {
        return Future.failedFuture(refused.rejection().toException());
      }
      if (change instanceof RoleChange.Changed changed) {
        return accounts.updateRoles(tx.connection(), changed.account(), clock.instant()).map(updated -> {
          tx.publish(AccountEvents.rolesChanged(changed.account()));
          return changed.account();
        });
      }
      return Future.succeededFuture(((RoleChange.Unchanged) change).account());
    }));
  }
}
