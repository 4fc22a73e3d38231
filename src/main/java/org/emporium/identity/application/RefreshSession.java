package org.emporium.identity.application;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.emporium.identity.domain.RefreshToken;
import org.emporium.identity.domain.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Rotates a refresh token into a new pair. A token presented a second time means two parties hold
 * it: the whole session is revoked, so the thief's copy and the newest token both stop working.
 */
public final class RefreshSession {

  private static final Logger LOG = LoggerFactory.getLogger(RefreshSession.class);
  private static final int MAX_TOKEN_LENGTH = 4096;

  private final Sessions sessions;
  private final Tokens tokens;
  private final Duration refreshTtl;
  private final Clock clock;

  public RefreshSession(Sessions sessions, Tokens tokens, Duration refreshTtl, Clock clock) {
    this.sessions = sessions;
    this.tokens = tokens;
    this.refreshTtl = refreshTtl;
    this.clock = clock;
  }

  /** A {@code TokenPair}. */
  public Future<JsonObject> refresh(String presented) {
    if (presented == null || presented.isEmpty() || presented.length() > MAX_TOKEN_LENGTH) {
      return refused();
    }
    byte[] hash = RefreshToken.hashOf(presented);
    RefreshToken next = tokens.newRefreshToken();
    Instant now = clock.instant();
    return sessions.rotate(hash, next, now, now.plus(refreshTtl)).compose(rotated -> {
      if (rotated.isPresent()) {
        return Future.succeededFuture(tokens.pair(rotated.get().account(), rotated.get().sessionId(), next));
      }
      return sessions.revokeIfReused(hash, now).compose(reused -> {
        if (reused) {
          LOG.warn("A used refresh token was presented again; its session is revoked");
        }
        return refused();
      });
    });
  }

  private static <T> Future<T> refused() {
    return Future.failedFuture(new Rejection.RefreshRefused().toException());
  }
}
