package org.emporium.identity.infra;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.emporium.identity.application.Sessions;
import org.emporium.identity.domain.RefreshToken;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.emporium.identity.infra.PgAccounts.utc;

/**
 * Sessions and refresh tokens in {@code identity.session} and {@code identity.refresh_token}.
 * Every change is one statement, so no lock is held between round trips; a rotation racing
 * another for the same token waits on the row and then finds it used.
 */
public final class PgSessions implements Sessions {

  private static final String START = """
      WITH s AS (INSERT INTO identity.session (id, account_id, created_at) VALUES ($1, $2, $3)
                 RETURNING id, account_id)
      INSERT INTO identity.refresh_token (hash, session_id, account_id, issued_at, expires_at)
      SELECT $4, id, account_id, $3, $5 FROM s""";
  private static final String ROTATE = """
      WITH used AS (
        UPDATE identity.refresh_token t SET used_at = $3
        FROM identity.session s
        WHERE t.hash = $1 AND t.used_at IS NULL AND t.expires_at > $3
          AND s.id = t.session_id AND s.revoked_at IS NULL
        RETURNING t.session_id, t.account_id),
      issued AS (
        INSERT INTO identity.refresh_token (hash, session_id, account_id, issued_at, expires_at)
        SELECT $2, session_id, account_id, $3, $4 FROM used
        RETURNING session_id, account_id)
      SELECT i.session_id, a.id, a.email, a.name, a.password_hash, a.roles, a.shop_id, a.created_at
      FROM issued i JOIN identity.account a ON a.id = i.account_id""";
  private static final String REVOKE_IF_REUSED = """
      UPDATE identity.session SET revoked_at = $2, revoke_reason = 'refresh-token-reuse'
      WHERE revoked_at IS NULL
        AND id = (SELECT session_id FROM identity.refresh_token WHERE hash = $1 AND used_at IS NOT NULL)""";
  private static final String REVOKE = "UPDATE identity.session SET revoked_at = $3, revoke_reason = $4 "
      + "WHERE id = $1 AND account_id = $2 AND revoked_at IS NULL";
  private static final String REVOKE_ALL = "UPDATE identity.session SET revoked_at = $2, revoke_reason = $3 "
      + "WHERE account_id = $1 AND revoked_at IS NULL";
  private static final String DELETE_EXPIRED = """
      DELETE FROM identity.refresh_token WHERE hash IN (
        SELECT hash FROM identity.refresh_token WHERE expires_at < $1 LIMIT $2)""";
  // a session is born with its first token, so one without tokens has nothing left to refresh
  private static final String DELETE_EMPTY_SESSIONS = """
      DELETE FROM identity.session WHERE id IN (
        SELECT s.id FROM identity.session s
        WHERE s.created_at < $1
          AND NOT EXISTS (SELECT 1 FROM identity.refresh_token t WHERE t.session_id = s.id)
        LIMIT $2)""";

  private final Pool pool;

  public PgSessions(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Void> start(UUID sessionId, UUID accountId, RefreshToken first, Instant now, Instant expiresAt) {
    return pool.preparedQuery(START)
        .execute(Tuple.of(sessionId, accountId, utc(now), Buffer.buffer(first.hash()), utc(expiresAt)))
        .mapEmpty();
  }

  @Override
  public Future<Optional<Rotated>> rotate(byte[] presentedHash, RefreshToken next, Instant now, Instant expiresAt) {
    return pool.preparedQuery(ROTATE)
        .execute(Tuple.of(Buffer.buffer(presentedHash), Buffer.buffer(next.hash()), utc(now), utc(expiresAt)))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          Row row = rows.iterator().next();
          return Optional.of(new Rotated(row.getUUID("session_id"), PgAccounts.account(row)));
        });
  }

  @Override
  public Future<Boolean> revokeIfReused(byte[] presentedHash, Instant now) {
    return pool.preparedQuery(REVOKE_IF_REUSED).execute(Tuple.of(Buffer.buffer(presentedHash), utc(now)))
        .map(rows -> rows.rowCount() > 0);
  }

  @Override
  public Future<Void> revoke(UUID sessionId, UUID accountId, Instant now, String reason) {
    return pool.preparedQuery(REVOKE).execute(Tuple.of(sessionId, accountId, utc(now), reason)).mapEmpty();
  }

  @Override
  public Future<Void> revokeAll(UUID accountId, Instant now, String reason) {
    return revokeAll(pool, accountId, now, reason);
  }

  @Override
  public Future<Void> revokeAll(SqlClient client, UUID accountId, Instant now, String reason) {
    return client.preparedQuery(REVOKE_ALL).execute(Tuple.of(accountId, utc(now), reason)).mapEmpty();
  }

  @Override
  public Future<Integer> deleteExpired(Instant cutoff, int limit) {
    return pool.preparedQuery(DELETE_EXPIRED).execute(Tuple.of(utc(cutoff), limit))
        .compose(tokens -> pool.preparedQuery(DELETE_EMPTY_SESSIONS).execute(Tuple.of(utc(cutoff), limit))
            .map(sessions -> tokens.rowCount()));
  }
}
