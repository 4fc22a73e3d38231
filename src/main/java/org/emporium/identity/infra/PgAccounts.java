package org.emporium.identity.infra;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.emporium.identity.application.Accounts;
import org.emporium.identity.domain.Account;
import org.emporium.identity.domain.Rejection;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/** Accounts in {@code identity.account}. */
public final class PgAccounts implements Accounts {

  private static final String UNIQUE_VIOLATION = "23505";
  private static final String COLUMNS = "id, email, name, password_hash, roles, shop_id, created_at";
  private static final String INSERT = "INSERT INTO identity.account (id, email, name, password_hash, roles, shop_id, "
      + "created_at, updated_at, password_changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $7)";

  private final Pool pool;

  public PgAccounts(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Void> insert(SqlClient client, Account account) {
    return client.preparedQuery(INSERT).execute(values(account))
        .recover(e -> Future.failedFuture(e instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
            ? new Rejection.EmailTaken().toException() : e))
        .mapEmpty();
  }

  @Override
  public Future<Boolean> insertIfAbsent(SqlClient client, Account account) {
    return client.preparedQuery(INSERT + " ON CONFLICT DO NOTHING").execute(values(account))
        .map(rows -> rows.rowCount() == 1);
  }

  @Override
  public Future<Optional<Account>> byEmail(String email) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM identity.account WHERE lower(email) = $1")
        .execute(Tuple.of(email)).map(PgAccounts::first);
  }

  @Override
  public Future<Optional<Account>> byId(UUID id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM identity.account WHERE id = $1")
        .execute(Tuple.of(id)).map(PgAccounts::first);
  }

  @Override
  public Future<Optional<Account>> lockById(SqlClient client, UUID id) {
    return client.preparedQuery("SELECT " + COLUMNS + " FROM identity.account WHERE id = $1 FOR UPDATE")
        .execute(Tuple.of(id)).map(PgAccounts::first);
  }

  @Override
  public Future<Void> updatePassword(SqlClient client, UUID id, String passwordHash, Instant now) {
    return client.preparedQuery("UPDATE identity.account SET password_hash = $2, password_changed_at = $3, "
            + "updated_at = $3 WHERE id = $1")
        .execute(Tuple.of(id, passwordHash, utc(now))).mapEmpty();
  }

  @Override
  public Future<Void> updateHashIfUnchanged(UUID id, String currentHash, String newHash, Instant now) {
    return pool.preparedQuery("UPDATE identity.account SET password_hash = $3, updated_at = $4 "
            + "WHERE id = $1 AND password_hash = $2")
        .execute(Tuple.of(id, currentHash, newHash, utc(now))).mapEmpty();
  }

  @Override
  public Future<Void> updateRoles(SqlClient client, Account account, Instant now) {
    return client.preparedQuery("UPDATE identity.account SET roles = $2, shop_id = $3, updated_at = $4 WHERE id = $1")
        .execute(Tuple.of(account.id(), account.roles().toArray(String[]::new), account.shopId(), utc(now)))
        .mapEmpty();
  }

  private static Tuple values(Account account) {
    return Tuple.of(account.id(), account.email(), account.name(), account.passwordHash(),
        account.roles().toArray(String[]::new), account.shopId(), utc(account.createdAt()));
  }

  private static Optional<Account> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(account(rows.iterator().next()));
  }

  static Account account(Row row) {
    return new Account(row.getUUID("id"), row.getString("email"), row.getString("name"),
        row.getString("password_hash"), Arrays.asList(row.getArrayOfStrings("roles")), row.getUUID("shop_id"),
        row.getOffsetDateTime("created_at").toInstant());
  }

  static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
