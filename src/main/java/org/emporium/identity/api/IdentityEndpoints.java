package org.emporium.identity.api;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.identity.application.AccountRoles;
import org.emporium.identity.application.ChangePassword;
import org.emporium.identity.application.EndSessions;
import org.emporium.identity.application.IssuerDocuments;
import org.emporium.identity.application.RefreshSession;
import org.emporium.identity.application.RegisterAccount;
import org.emporium.identity.application.SignIn;
import org.emporium.identity.domain.Account;
import org.emporium.identity.domain.Rejection;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.error.Problems;
import org.emporium.platform.eventbus.ForwardedReply;
import org.emporium.platform.eventbus.ForwardedRequest;
import org.emporium.platform.eventbus.RequestIds;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** The issuer's event-bus addresses: each reads the edge's envelope, runs a use case and replies. */
final class IdentityEndpoints {

  static final String MANAGE_ACCOUNTS = "identity:accounts:manage";
  private static final String NO_STORE = "no-store";

  private final UseCases cases;

  IdentityEndpoints(UseCases cases) {
    this.cases = cases;
  }

  /** The use cases behind the addresses. */
  record UseCases(RegisterAccount register, SignIn signIn, RefreshSession refresh, EndSessions sessions,
      ChangePassword changePassword, AccountRoles roles, IssuerDocuments documents) {
  }

  /** Registers every address; the future completes once the cluster knows them. */
  Future<Void> register(EventBus bus) {
    List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
    consumers.add(on(bus, "identity.register", this::registerAccount));
    consumers.add(on(bus, "identity.login", r -> cases.signIn()
        .signIn(text(r, "email"), text(r, "password"), r.clientIp()).map(IdentityEndpoints::tokenReply)));
    consumers.add(on(bus, "identity.refresh", r -> cases.refresh()
        .refresh(text(r, "refresh_token")).map(IdentityEndpoints::tokenReply)));
    consumers.add(on(bus, "identity.logout", r -> cases.sessions()
        .logout(r.requirePrincipal()).map(v -> ForwardedReply.noContent())));
    consumers.add(on(bus, "identity.logoutAll", r -> cases.sessions()
        .logoutAll(r.requirePrincipal()).map(v -> ForwardedReply.noContent())));
    consumers.add(on(bus, "identity.changePassword", r -> cases.changePassword()
        .change(r.requirePrincipal(), text(r, "currentPassword"), text(r, "newPassword"))
        .map(v -> ForwardedReply.noContent())));
    consumers.add(on(bus, "identity.getAccount", r -> {
      r.requirePermission(MANAGE_ACCOUNTS);
      return cases.roles().get(uuid(r.path("accountId"), "/accountId")).map(IdentityEndpoints::accountReply);
    }));
    consumers.add(on(bus, "identity.grantRole", r -> {
      r.requirePermission(MANAGE_ACCOUNTS);
      return cases.roles().grant(uuid(r.path("accountId"), "/accountId"), r.path("role"),
          text(r, "shopId") == null ? null : uuid(text(r, "shopId"), "/shopId")).map(IdentityEndpoints::accountReply);
    }));
    consumers.add(on(bus, "identity.revokeRole", r -> {
      Principal caller = r.requirePermission(MANAGE_ACCOUNTS);
      return cases.roles().revoke(uuid(r.path("accountId"), "/accountId"), r.path("role"), caller.customerId())
          .map(IdentityEndpoints::accountReply);
    }));
    consumers.add(on(bus, "identity.discovery", r -> Future.succeededFuture(ForwardedReply.withHeader(
        ForwardedReply.ok(cases.documents().discovery()), "Cache-Control", "public, max-age=300"))));
    consumers.add(on(bus, "identity.jwks", r -> Future.succeededFuture(ForwardedReply.withHeader(
        ForwardedReply.ok(cases.documents().jwks()), "Cache-Control", "public, max-age=60"))));
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList()).mapEmpty();
  }

  private Future<JsonObject> registerAccount(ForwardedRequest r) {
    return cases.register().register(text(r, "email"), text(r, "password"), text(r, "name"))
        .map(id -> ForwardedReply.created(new JsonObject().put("customerId", id.toString()), null));
  }

  private static MessageConsumer<JsonObject> on(EventBus bus, String address,
      Function<ForwardedRequest, Future<JsonObject>> handler) {
    return bus.consumer(address, message -> {
      RequestIds.adopt(message);
      Future<JsonObject> reply;
      try {
        reply = handler.apply(ForwardedRequest.of(message.body() == null ? new JsonObject() : message.body()));
      } catch (RuntimeException e) {
        reply = Future.failedFuture(e);
      }
      reply.onSuccess(message::reply)
          .onFailure(failure -> Problems.fail(message, IdentityProblems.toFailure(failure)));
    });
  }

  private static JsonObject tokenReply(JsonObject pair) {
    // token responses must not be cached (RFC 6749, section 5.1)
    return ForwardedReply.withHeader(ForwardedReply.ok(pair), "Cache-Control", NO_STORE);
  }

  private static JsonObject accountReply(Account account) {
    return ForwardedReply.ok(new JsonObject()
        .put("accountId", account.id().toString())
        .put("email", account.email())
        .put("roles", new JsonArray(account.roles()))
        .put("shopId", account.shopId() == null ? null : account.shopId().toString())
        .put("createdAt", account.createdAt().toString()));
  }

  /** A string field of the body; anything else counts as missing. */
  private static String text(ForwardedRequest request, String field) {
    return request.body().getValue(field) instanceof String s ? s : null;
  }

  private static UUID uuid(String value, String pointer) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new Rejection.Invalid(List.of(new Rejection.FieldProblem(pointer, "is not a UUID"))).toException();
    }
  }
}
