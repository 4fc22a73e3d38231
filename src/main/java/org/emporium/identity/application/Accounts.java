package org.emporium.identity.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import org.emporium.identity.domain.Account;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The stored accounts. Methods taking a client run on it, so inside the caller's transaction. */
public interface Accounts {

  /** Adds an account; fails with {@code Rejection.EmailTaken} when the email is in use. */
  Future<Void> insert(SqlClient client, Account account);

  /** Adds an account unless one has its email; true when added. */
  Future<Boolean> insertIfAbsent(SqlClient client, Account account);

  /** {@code email} must be normalised. */
  Future<Optional<Account>> byEmail(String email);

  Future<Optional<Account>> byId(UUID id);

  /** Reads the account and locks its row until the transaction of {@code client} ends. */
  Future<Optional<Account>> lockById(SqlClient client, UUID id);

  Future<Void> updatePassword(SqlClient client, UUID id, String passwordHash, Instant now);

  /** Replaces the hash by one of another cost for the same password, unless the password changed meanwhile. */
  Future<Void> updateHashIfUnchanged(UUID id, String currentHash, String newHash, Instant now);

  /** Stores the account's roles and shop. */
  Future<Void> updateRoles(SqlClient client, Account account, Instant now);
}
