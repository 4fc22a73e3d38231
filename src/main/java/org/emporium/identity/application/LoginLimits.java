package org.emporium.identity.application;

import io.vertx.core.Future;
import org.emporium.identity.domain.AttemptCount;
import org.emporium.identity.domain.AttemptCount.AttemptLimit;
import org.emporium.identity.domain.Rejection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Sign-in limits, checked before any password: every attempt from one client IP counts, and
 * attempts on one email count until one succeeds (a success clears them). Counting at the start
 * of an attempt rather than after a failure means parallel guesses cannot slip past the limit.
 */
public final class LoginLimits {

  private final LoginCounters counters;
  private final AttemptLimit perAccount;
  private final AttemptLimit perIp;

  public LoginLimits(LoginCounters counters, AttemptLimit perAccount, AttemptLimit perIp) {
    this.counters = counters;
    this.perAccount = perAccount;
    this.perIp = perIp;
  }

  /** Succeeds when the attempt may go on; fails with {@link Rejection.TooManyAttempts} otherwise. */
  public Future<Void> admit(String email, String clientIp) {
    Future<AttemptCount> byIp = clientIp == null || clientIp.isBlank()
        ? Future.succeededFuture(new AttemptCount(0, 0))
        : counters.increment("identity:login:ip:" + clientIp, perIp);
    Future<AttemptCount> byAccount = counters.increment(accountKey(email), perAccount);
    return Future.all(byIp, byAccount)
        .recover(e -> Future.failedFuture(new Rejection.Unavailable("Signing in is not possible right now.").toException()))
        .compose(counted -> {
          if (byIp.result().exceeds(perIp)) {
            return refuse("Too many sign-in attempts from this address.", byIp.result());
          }
          if (byAccount.result().exceeds(perAccount)) {
            return refuse("Too many failed sign-in attempts for this account.", byAccount.result());
          }
          return Future.succeededFuture();
        });
  }

  /** Forgets the account's attempts after a successful sign-in. */
  public Future<Void> succeeded(String email) {
    return counters.clear(accountKey(email));
  }

  private static Future<Void> refuse(String detail, AttemptCount count) {
    return Future.failedFuture(new Rejection.TooManyAttempts(detail + " Try again in " + count.retryAfterSeconds()
        + " seconds.", count.retryAfterSeconds()).toException());
  }

  /** Emails are hashed so Redis holds no addresses. */
  private static String accountKey(String email) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(email.getBytes(StandardCharsets.UTF_8));
      return "identity:login:account:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
