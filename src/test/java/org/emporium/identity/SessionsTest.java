package org.emporium.identity;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.emporium.identity.infra.PgSessions;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.error.Problem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** identity.logout, identity.logoutAll and identity.changePassword: which sessions they end. */
@ExtendWith(SharedIdentityNode.class)
class SessionsTest {

  static IdentityNode node;
  static Flows flows;

  @BeforeAll
  static void setUp(IdentityNode shared) {
    node = shared;
    flows = new Flows(shared);
  }

  private static int refreshStatus(JsonObject pair) {
    return node.status("identity.refresh", Envelopes.body(new JsonObject()
        .put("refresh_token", pair.getString("refresh_token"))));
  }

  private static JsonObject changePassword(Principal caller, String current, String next) {
    return Envelopes.as(caller, Envelopes.body(new JsonObject().put("currentPassword", current).put("newPassword", next)));
  }

  @Test
  void logoutEndsTheCallersSessionOnly() throws Exception {
    String email = flows.newAccount();
    JsonObject phone = flows.login(email, Flows.PASSWORD);
    JsonObject laptop = flows.login(email, Flows.PASSWORD);

    JsonObject reply = node.call("identity.logout", Envelopes.as(flows.principal(phone), Envelopes.empty()));

    assertThat(reply.getInteger("status")).isEqualTo(204);
    assertThat(refreshStatus(phone)).isEqualTo(401);
    assertThat(refreshStatus(laptop)).isEqualTo(200);
    Row session = node.sql("SELECT revoke_reason FROM identity.session WHERE id = $1",
        UUID.fromString(flows.principal(phone).sessionId())).iterator().next();
    assertThat(session.getString("revoke_reason")).isEqualTo("logout");
  }

  @Test
  void logoutCannotEndAnotherAccountsSession() throws Exception {
    JsonObject victim = flows.login(flows.newAccount(), Flows.PASSWORD);
    Principal attacker = flows.principal(flows.login(flows.newAccount(), Flows.PASSWORD));
    Principal forged = new Principal(attacker.subject(), attacker.customerId(), attacker.issuer(), attacker.roles(),
        attacker.permissions(), null, flows.principal(victim).sessionId(), attacker.email(), attacker.name());

    node.call("identity.logout", Envelopes.as(forged, Envelopes.empty()));

    assertThat(refreshStatus(victim)).isEqualTo(200);
  }

  @Test
  void expiredTokensAndSessionsLeftWithoutTokensArePruned() throws Exception {
    JsonObject old = flows.login(flows.newAccount(), Flows.PASSWORD);
    JsonObject live = flows.login(flows.newAccount(), Flows.PASSWORD);
    UUID oldSession = UUID.fromString(flows.principal(old).sessionId());
    UUID liveSession = UUID.fromString(flows.principal(live).sessionId());
    node.sql("UPDATE identity.refresh_token SET expires_at = now() - interval '1 day' WHERE session_id = $1", oldSession);
    node.sql("UPDATE identity.session SET created_at = now() - interval '31 days' WHERE id = $1", oldSession);

    int deleted = IdentityNode.await(new PgSessions(node.pool()).deleteExpired(Instant.now(), 1000));

    assertThat(deleted).isPositive();
    assertThat(node.count("SELECT count(*) FROM identity.session WHERE id = $1", oldSession)).isZero();
    assertThat(node.count("SELECT count(*) FROM identity.refresh_token WHERE session_id = $1", oldSession)).isZero();
    assertThat(refreshStatus(live)).isEqualTo(200);
    assertThat(node.count("SELECT count(*) FROM identity.session WHERE id = $1", liveSession)).isEqualTo(1);
  }

  @Test
  void logoutNeedsACaller() {
    assertThat(node.problem("identity.logout", Envelopes.empty()).status()).isEqualTo(401);
    assertThat(node.problem("identity.logoutAll", Envelopes.empty()).status()).isEqualTo(401);
  }

  @Test
  void logoutAllEndsEverySessionOfTheAccount() throws Exception {
    String email = flows.newAccount();
    JsonObject phone = flows.login(email, Flows.PASSWORD);
    JsonObject laptop = flows.login(email, Flows.PASSWORD);
    JsonObject someoneElse = flows.login(flows.newAccount(), Flows.PASSWORD);

    JsonObject reply = node.call("identity.logoutAll", Envelopes.as(flows.principal(phone), Envelopes.empty()));

    assertThat(reply.getInteger("status")).isEqualTo(204);
    assertThat(refreshStatus(phone)).isEqualTo(401);
    assertThat(refreshStatus(laptop)).isEqualTo(401);
    assertThat(refreshStatus(someoneElse)).isEqualTo(200);
  }

  @Test
  void changingThePasswordRevokesEverySessionAndPublishesIt() throws Exception {
    String email = flows.newAccount();
    JsonObject phone = flows.login(email, Flows.PASSWORD);
    JsonObject laptop = flows.login(email, Flows.PASSWORD);
    Principal caller = flows.principal(phone);

    JsonObject reply = node.call("identity.changePassword", changePassword(caller, Flows.PASSWORD, "a brand new one"));

    assertThat(reply.getInteger("status")).isEqualTo(204);
    assertThat(refreshStatus(phone)).isEqualTo(401);
    assertThat(refreshStatus(laptop)).isEqualTo(401);
    assertThat(node.problem("identity.login", Envelopes.login(email, Flows.PASSWORD)).status()).isEqualTo(401);
    assertThat(flows.login(email, "a brand new one").getString("access_token")).isNotBlank();
    Row event = node.sql("SELECT envelope FROM identity.outbox WHERE aggregate_id = $1 AND event_type = $2",
        caller.customerId().toString(), "emporium.identity.account.password-changed.v1").iterator().next();
    assertThat(new JsonObject(event.getString("envelope")).getJsonObject("data").getString("accountId"))
        .isEqualTo(caller.customerId().toString());
  }

  @Test
  void aWrongCurrentPasswordChangesNothing() throws Exception {
    String email = flows.newAccount();
    JsonObject pair = flows.login(email, Flows.PASSWORD);
    String hashBefore = node.sql("SELECT password_hash FROM identity.account WHERE email = $1", email)
        .iterator().next().getString("password_hash");

    Problem problem = node.problem("identity.changePassword",
        changePassword(flows.principal(pair), "not it", "a brand new one"));

    assertThat(problem.status()).isEqualTo(422);
    assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("/currentPassword");
    assertThat(node.sql("SELECT password_hash FROM identity.account WHERE email = $1", email)
        .iterator().next().getString("password_hash")).isEqualTo(hashBefore);
    assertThat(refreshStatus(pair)).isEqualTo(200);
  }

  @Test
  void aTooShortNewPasswordIsABadRequest() throws Exception {
    JsonObject pair = flows.login(flows.newAccount(), Flows.PASSWORD);
    Problem problem = node.problem("identity.changePassword", changePassword(flows.principal(pair), Flows.PASSWORD, "short"));
    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("/newPassword");
    assertThat(refreshStatus(pair)).isEqualTo(200);
  }
}
