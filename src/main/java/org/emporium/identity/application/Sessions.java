package org.emporium.identity.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import org.emporium.identity.domain.Account;
import org.emporium.identity.domain.RefreshToken;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Sessions (token families) and their refresh tokens, stored only as hashes. */
public interface Sessions {

  /** Starts a session with its first refresh token. */
  Future<Void> start(UUID sessionId, UUID accountId, RefreshToken first, Instant now, Instant expiresAt);

  /**
   * Marks the presented token used and stores {@code next} in its session, in one statement that
   * only succeeds for an unused, unexpired token of a live session; empty otherwise.
   */
  Future<Optional<Rotated>> rotate(byte[] presentedHash, RefreshToken next, Instant now, Instant expiresAt);

  /** Revokes the session of {@code presentedHash} when that token was already used; true if it did. */
  Future<Boolean> revokeIfReused(byte[] presentedHash, Instant now);

  /** Revokes one session of the account (no-op when it is not the account's or already revoked). */
  Future<Void> revoke(UUID sessionId, UUID accountId, Instant now, String reason);

  /** Revokes every live session of the account. */
  Future<Void> revokeAll(UUID accountId, Instant now, String reason);

  /** {@link #revokeAll(UUID, Instant, String)} on {@code client}, inside its transaction. */
  Future<Void> revokeAll(SqlClient client, UUID accountId, Instant now, String reason);

  /**
   * Deletes up to {@code limit} refresh tokens that expired before {@code cutoff}, and then up to
   * {@code limit} sessions started before it that have no token left; the number of tokens deleted.
   */
  Future<Integer> deleteExpired(Instant cutoff, int limit);

  /** A successful rotation: the session and its account as they are now. */
  record Rotated(UUID sessionId, Account account) {
  }
}
