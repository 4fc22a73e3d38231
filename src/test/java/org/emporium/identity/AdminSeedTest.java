package org.emporium.identity;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.emporium.platform.config.NodeConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The admin account seeded from {@code adminPassword}: made once with roles customer and admin,
 * never changed afterwards, and the well-known local password refused outside the local profile.
 * Each case deploys an identity verticle of its own configuration next to the shared one.
 */
@ExtendWith(SharedIdentityNode.class)
class AdminSeedTest {

  static IdentityNode node;
  static Flows flows;

  @BeforeAll
  static void setUp(IdentityNode shared) {
    node = shared;
    flows = new Flows(shared);
  }

  private static NodeConfig config(String profile, String password, String email) {
    Map<String, Object> changes = new HashMap<>();
    changes.put("profile", profile);
    changes.put("adminPassword", password);
    changes.put("identity.adminEmail", email);
    return node.configWith(changes);
  }

  private static void seed(NodeConfig config) {
    node.undeploy(node.deploy(config, 1));
  }

  private static Row account(String email) {
    return node.sql("SELECT id, roles, password_hash FROM identity.account WHERE email = $1", email).iterator().next();
  }

  @Test
  void theLocalProfileSeedsTheWellKnownAdmin() throws Exception {
    String email = IdentityNode.newEmail();
    seed(config("local", "admin", email));

    assertThat(account(email).getArrayOfStrings("roles")).containsExactly("customer", "admin");
    JsonObject claims = flows.claims(flows.login(email, "admin"));
    assertThat(IssuedTokens.roles(claims)).containsExactly("customer", "admin");
    assertThat(node.count("SELECT count(*) FROM identity.outbox WHERE aggregate_id = $1 AND event_type = $2",
        account(email).getUUID("id").toString(), "emporium.identity.account.registered.v1")).isEqualTo(1);
  }

  @Test
  void anyOtherProfileRefusesToStartWithTheWellKnownPassword() {
    String email = IdentityNode.newEmail();
    assertThatThrownBy(() -> node.deploy(config("test", "admin", email), 1))
        .hasMessageContaining("adminPassword 'admin' is for the local profile only");
    assertThat(node.count("SELECT count(*) FROM identity.account WHERE email = $1", email)).isZero();
  }

  @Test
  void outsideTheLocalProfileTheAdminPasswordMeetsThePolicy() {
    assertThatThrownBy(() -> node.deploy(config("test", "short", IdentityNode.newEmail()), 1))
        .hasMessageContaining("adminPassword must be at least 8 characters");
  }

  @Test
  void seedsAStrongAdminPasswordWithTheDefaultHashCost() throws Exception {
    String email = IdentityNode.newEmail();
    Map<String, Object> changes = new HashMap<>(Map.of("profile", "test", "adminPassword", "a long admin secret",
        "identity.adminEmail", email));
    changes.putAll(Map.of("identity.password.memoryKib", 19456, "identity.password.iterations", 2,
        "identity.password.parallelism", 1));
    seed(node.configWith(changes));

    assertThat(account(email).getString("password_hash")).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    JsonObject claims = flows.claims(flows.login(email, "a long admin secret"));
    assertThat(IssuedTokens.roles(claims)).containsExactly("customer", "admin");
  }

  @Test
  void anExistingAccountIsLeftAsItIs() {
    String email = IdentityNode.newEmail();
    flows.register(email, Flows.PASSWORD, "Not an admin");
    String hash = account(email).getString("password_hash");

    seed(config("test", "a long admin secret", email));

    assertThat(account(email).getArrayOfStrings("roles")).containsExactly("customer");
    assertThat(account(email).getString("password_hash")).isEqualTo(hash);
  }
}
