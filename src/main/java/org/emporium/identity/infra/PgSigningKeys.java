package org.emporium.identity.infra;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.emporium.identity.application.SigningKeyStore;
import org.emporium.identity.domain.SigningKey;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.emporium.identity.infra.PgAccounts.utc;

/**
 * Signing keys in {@code identity.signing_key}, private keys sealed by a {@link KeyCipher}. A
 * rotation takes a transaction-scoped advisory lock, so nodes rotating at once make and add one key.
 */
public final class PgSigningKeys implements SigningKeyStore {

  private static final String LOAD = "SELECT kid, public_jwk, private_key, private_key_protection, created_at, "
      + "retired_at FROM identity.signing_key WHERE retired_at IS NULL OR retired_at > $1";
  private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('emporium_identity_signing_key'))";
  private static final String FRESH_EXISTS = "SELECT EXISTS (SELECT 1 FROM identity.signing_key "
      + "WHERE retired_at IS NULL AND created_at > $1) AS fresh";
  private static final String INSERT = "INSERT INTO identity.signing_key (kid, algorithm, public_jwk, private_key, "
      + "private_key_protection, created_at) VALUES ($1, $2, $3, $4, $5, $6)";
  private static final String RETIRE_OTHERS = "UPDATE identity.signing_key SET retired_at = $2 "
      + "WHERE retired_at IS NULL AND kid <> $1";

  private final Pool pool;
  private final KeyCipher cipher;

  public PgSigningKeys(Pool pool, KeyCipher cipher) {
    this.pool = pool;
    this.cipher = cipher;
  }

  @Override
  public Future<List<SigningKey>> load(Instant retiredAfter) {
    return pool.preparedQuery(LOAD).execute(Tuple.of(utc(retiredAfter))).map(rows -> {
      List<SigningKey> keys = new ArrayList<>();
      rows.forEach(row -> keys.add(key(row)));
      return keys;
    });
  }

  @Override
  public Future<Boolean> rotate(Instant freshAfter, Supplier<Future<SigningKey>> newKey) {
    // the lock is held while the key is made (a rare, sub-second wait) so racing nodes make one
    return pool.withTransaction(tx -> tx.query(LOCK).execute()
        .compose(locked -> tx.preparedQuery(FRESH_EXISTS).execute(Tuple.of(utc(freshAfter))))
        .compose(rows -> rows.iterator().next().getBoolean("fresh")
            ? Future.succeededFuture(false)
            : newKey.get().compose(fresh -> insertAndRetireOthers(tx, fresh))));
  }

  private Future<Boolean> insertAndRetireOthers(SqlConnection tx, SigningKey fresh) {
    byte[] sealed = cipher.seal(fresh.kid(), fresh.privateKey().getEncoded());
    return tx.preparedQuery(INSERT).execute(Tuple.of(fresh.kid(), RsaKeys.ALGORITHM,
            RsaKeys.jwk(fresh.kid(), fresh.publicKey()).encode(), Buffer.buffer(sealed), cipher.protection(),
            utc(fresh.createdAt())))
        .compose(inserted -> tx.preparedQuery(RETIRE_OTHERS).execute(Tuple.of(fresh.kid(), utc(fresh.createdAt()))))
        .map(retired -> true);
  }

  @Override
  public Future<Integer> deleteRetiredBefore(Instant cutoff) {
    return pool.preparedQuery("DELETE FROM identity.signing_key WHERE retired_at < $1")
        .execute(Tuple.of(utc(cutoff))).map(rows -> rows.rowCount());
  }

  private SigningKey key(Row row) {
    String kid = row.getString("kid");
    byte[] pkcs8 = cipher.open(kid, row.getString("private_key_protection"), row.getBuffer("private_key").getBytes());
    OffsetDateTime retired = row.getOffsetDateTime("retired_at");
    return new SigningKey(kid, RsaKeys.publicKey(new JsonObject(row.getString("public_jwk"))),
        RsaKeys.privateKey(pkcs8), row.getOffsetDateTime("created_at").toInstant(),
        retired == null ? null : retired.toInstant());
  }
}
