package org.emporium.identity;

import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.Problems;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** identity.refresh: rotation, reuse detection, races, expiry, and claims read at each issue. */
@ExtendWith(SharedIdentityNode.class)
class RefreshTest {

  static IdentityNode node;
  static Flows flows;

  @BeforeAll
  static void setUp(IdentityNode shared) {
    node = shared;
    flows = new Flows(shared);
  }

  private static Problem refused(String refreshToken) {
    return node.problem("identity.refresh", Envelopes.body(new JsonObject().put("refresh_token", refreshToken)));
  }

  @Test
  void rotatesTheRefreshTokenAndRefusesTheOldOne() throws Exception {
    JsonObject first = flows.login(flows.newAccount(), Flows.PASSWORD);
    JsonObject second = flows.refresh(first.getString("refresh_token"));

    assertThat(second.getString("refresh_token")).isNotEqualTo(first.getString("refresh_token"));
    assertThat(flows.claims(second).getString("sid")).isEqualTo(flows.claims(first).getString("sid"));
    assertThat(flows.claims(second).getString("jti")).isNotEqualTo(flows.claims(first).getString("jti"));
    Problem replay = refused(first.getString("refresh_token"));
    assertThat(replay.status()).isEqualTo(401);
  }

  @Test
  void aReplayedTokenRevokesTheWholeFamily() throws Exception {
    JsonObject first = flows.login(flows.newAccount(), Flows.PASSWORD);
    JsonObject second = flows.refresh(first.getString("refresh_token"));
    UUID session = UUID.fromString(flows.claims(first).getString("sid"));

    assertThat(refused(first.getString("refresh_token")).status()).isEqualTo(401);
    assertThat(refused(second.getString("refresh_token")).status()).isEqualTo(401);
    Row row = node.sql("SELECT revoked_at, revoke_reason FROM identity.session WHERE id = $1", session).iterator().next();
    assertThat(row.getOffsetDateTime("revoked_at")).isNotNull();
    assertThat(row.getString("revoke_reason")).isEqualTo("refresh-token-reuse");
  }

  @Test
  void ofConcurrentRefreshesWithOneTokenExactlyOneSucceeds() {
    JsonObject pair = flows.login(flows.newAccount(), Flows.PASSWORD);
    JsonObject envelope = Envelopes.body(new JsonObject().put("refresh_token", pair.getString("refresh_token")));
    List<Future<Message<JsonObject>>> attempts = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      attempts.add(node.request("identity.refresh", envelope));
    }
    IdentityNode.await(Future.join(attempts).otherwiseEmpty());

    assertThat(attempts.stream().filter(Future::succeeded).count()).isEqualTo(1);
    assertThat(attempts.stream().filter(Future::failed).map(f -> Problems.from(f.cause()).status())).containsOnly(401);
    assertThat(node.count("SELECT count(*) FROM identity.refresh_token WHERE session_id = $1",
        UUID.fromString(sessionOf(pair)))).as("the presented token and one successor").isEqualTo(2);
  }

  @Test
  void unknownAndExpiredTokensAreRefused() {
    assertThat(refused("no-such-token").status()).isEqualTo(401);
    JsonObject pair = flows.login(flows.newAccount(), Flows.PASSWORD);
    node.sql("UPDATE identity.refresh_token SET expires_at = now() - interval '1 second' WHERE session_id = $1",
        UUID.fromString(sessionOf(pair)));
    assertThat(refused(pair.getString("refresh_token")).status()).isEqualTo(401);
    assertThat(node.count("SELECT count(*) FROM identity.session WHERE id = $1 AND revoked_at IS NULL",
        UUID.fromString(sessionOf(pair)))).as("an expired token is no theft").isEqualTo(1);
  }

  @Test
  void aRefreshCarriesRolesGrantedMeanwhile() throws Exception {
    String email = flows.newAccount();
    JsonObject pair = flows.login(email, Flows.PASSWORD);
    UUID account = UUID.fromString(flows.claims(pair).getString("sub"));
    UUID shop = UUID.randomUUID();
    node.call("identity.grantRole", Envelopes.path(Envelopes.path(Envelopes.as(Admins.principal(),
        Envelopes.body(new JsonObject().put("shopId", shop.toString()))), "accountId", account), "role", "seller"));

    JsonObject claims = flows.claims(flows.refresh(pair.getString("refresh_token")));
    assertThat(IssuedTokens.roles(claims)).isEqualTo(new JsonArray().add("customer").add("seller"));
    assertThat(claims.getString("shop_id")).isEqualTo(shop.toString());
  }

  private static String sessionOf(JsonObject pair) {
    try {
      return flows.claims(pair).getString("sid");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
