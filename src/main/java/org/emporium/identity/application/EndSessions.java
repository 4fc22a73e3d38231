package org.emporium.identity.application;

import io.vertx.core.Future;
import org.emporium.identity.domain.Rejection;
import org.emporium.platform.auth.Principal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Sign-out: of the caller's session (the access token's {@code sid}), or of all the account's
 * sessions. Refresh tokens stop working at once; access tokens already issued run to their expiry.
 */
public final class EndSessions {

  private final Sessions sessions;
  private final Clock clock;

  public EndSessions(Sessions sessions, Clock clock) {
    this.sessions = sessions;
    this.clock = clock;
  }

  public Future<Void> logout(Principal caller) {
    UUID sessionId = parse(caller.sessionId());
    if (sessionId == null) {
      return Future.failedFuture(new Rejection.Invalid(List.of(new Rejection.FieldProblem("/sid",
          "the access token names no session of this issuer"))).toException());
    }
    return sessions.revoke(sessionId, caller.customerId(), clock.instant(), "logout");
  }

  public Future<Void> logoutAll(Principal caller) {
    return sessions.revokeAll(caller.customerId(), clock.instant(), "logout-all");
  }

  private static UUID parse(String sessionId) {
    try {
      return sessionId == null ? null : UUID.fromString(sessionId);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
