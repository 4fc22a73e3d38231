package org.emporium.identity.application;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.emporium.identity.domain.Account;
import org.emporium.identity.domain.Emails;
import org.emporium.identity.domain.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * Exchanges email and password for a new session. Limits are checked first; an unknown email
 * costs one hash like a known one, and both failures get the same answer.
 */
public final class SignIn {

  private static final Logger LOG = LoggerFactory.getLogger(SignIn.class);

  private final Accounts accounts;
  private final Passwords passwords;
  private final LoginLimits limits;
  private final Tokens tokens;
  private final Clock clock;

  public SignIn(Accounts accounts, Passwords passwords, LoginLimits limits, Tokens tokens, Clock clock) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.limits = limits;
    this.tokens = tokens;
    this.clock = clock;
  }

  /** A {@code TokenPair}. */
  public Future<JsonObject> signIn(String email, String password, String clientIp) {
    String normalised = Emails.normalise(email);
    if (normalised == null || normalised.isEmpty() || password == null || password.isEmpty()) {
      return wrong();
    }
    return limits.admit(normalised, clientIp)
        .compose(admitted -> accounts.byEmail(normalised))
        .compose(found -> found.isEmpty()
            ? passwords.verifyNobody(password).compose(no -> wrong())
            : passwords.verify(password, found.get().passwordHash())
                .compose(matches -> matches ? Future.succeededFuture(found.get()) : wrong()))
        .compose(account -> limits.succeeded(normalised)
            .compose(cleared -> tokens.startSession(account))
            .onSuccess(pair -> rehashIfCostChanged(account, password)));
  }

  /** Moves the stored hash to the current cost, in the background; the sign-in does not wait. */
  private void rehashIfCostChanged(Account account, String password) {
    if (passwords.needsRehash(account.passwordHash())) {
      passwords.hash(password)
          .compose(hash -> accounts.updateHashIfUnchanged(account.id(), account.passwordHash(), hash, clock.instant()))
          .onFailure(e -> LOG.warn("Rehashing the password of account {} failed: {}", account.id(), e.toString()));
    }
  }

  private static <T> Future<T> wrong() {
    return Future.failedFuture(new Rejection.WrongCredentials().toException());
  }
}
