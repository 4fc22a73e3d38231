package org.emporium.identity.application;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.identity.domain.Account;
import org.emporium.platform.events.OutboxEvent;

import java.time.Instant;

/** The events of topic {@code identity.account.v1}, keyed by account id (see docs/identity.md). */
final class AccountEvents {

  private static final String AGGREGATE = "account";

  private AccountEvents() {
  }

  static OutboxEvent registered(Account account) {
    return OutboxEvent.of(AGGREGATE, account.id().toString(), "account.registered", new JsonObject()
        .put("accountId", account.id().toString())
        .put("email", account.email())
        .put("name", account.name())
        .put("registeredAt", account.createdAt().toString()));
  }

  static OutboxEvent rolesChanged(Account account) {
    return OutboxEvent.of(AGGREGATE, account.id().toString(), "account.roles-changed", new JsonObject()
        .put("accountId", account.id().toString())
        .put("roles", new JsonArray(account.roles()))
        .put("shopId", account.shopId() == null ? null : account.shopId().toString()));
  }

  static OutboxEvent passwordChanged(Account account, Instant changedAt) {
    return OutboxEvent.of(AGGREGATE, account.id().toString(), "account.password-changed", new JsonObject()
        .put("accountId", account.id().toString())
        .put("changedAt", changedAt.toString()));
  }
}
