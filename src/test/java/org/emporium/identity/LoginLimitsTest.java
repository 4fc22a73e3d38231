package org.emporium.identity;

import io.vertx.core.json.JsonObject;
import org.emporium.platform.error.Problem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in limits of the shared node: 3 failed attempts per account in 60 s, 5 attempts per
 * client IP in 120 s ({@link IdentityNode#SETTINGS}).
 */
@ExtendWith(SharedIdentityNode.class)
class LoginLimitsTest {

  static IdentityNode node;
  static Flows flows;

  @BeforeAll
  static void setUp(IdentityNode shared) {
    node = shared;
    flows = new Flows(shared);
  }

  private static String newIp() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
  }

  private static JsonObject login(String ip, String email, String password) {
    return Envelopes.from(ip, new JsonObject().put("email", email).put("password", password));
  }

  @Test
  void anAccountIsLockedForTheWindowAfterTooManyFailures() {
    String email = flows.newAccount();
    for (int i = 0; i < 3; i++) {
      assertThat(node.problem("identity.login", login(newIp(), email, "wrong " + i)).status()).isEqualTo(401);
    }

    Problem locked = node.problem("identity.login", login(newIp(), email.toUpperCase(), Flows.PASSWORD));

    assertThat(locked.status()).as("even the right password waits").isEqualTo(429);
    assertThat(locked.retryAfterSeconds()).isBetween(1L, 60L);
    assertThat(locked.detail()).contains("account");
    assertThat(flows.login(flows.newAccount(), Flows.PASSWORD)).as("other accounts go on").isNotNull();
  }

  @Test
  void aSuccessClearsTheFailures() {
    String email = flows.newAccount();
    node.problem("identity.login", login(newIp(), email, "wrong"));
    node.problem("identity.login", login(newIp(), email, "wrong"));
    flows.login(email, Flows.PASSWORD);
    node.problem("identity.login", login(newIp(), email, "wrong"));
    node.problem("identity.login", login(newIp(), email, "wrong"));

    assertThat(node.status("identity.login", login(newIp(), email, Flows.PASSWORD))).isEqualTo(200);
  }

  @Test
  void oneAddressMayTryOnlySoOftenWhateverTheAccounts() {
    String ip = newIp();
    String email = flows.newAccount();
    assertThat(node.status("identity.login", login(ip, email, Flows.PASSWORD))).isEqualTo(200);
    for (int i = 0; i < 4; i++) {
      assertThat(node.status("identity.login", login(ip, IdentityNode.newEmail(), "guess"))).isEqualTo(401);
    }

    Problem limited = node.problem("identity.login", login(ip, email, Flows.PASSWORD));

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.retryAfterSeconds()).isBetween(1L, 120L);
    assertThat(limited.detail()).contains("address");
    assertThat(node.status("identity.login", login(newIp(), email, Flows.PASSWORD))).as("other addresses go on")
        .isEqualTo(200);
  }

  @Test
  void requestsWithoutAnAddressAreCountedPerAccountOnly() {
    for (int i = 0; i < 7; i++) {
      assertThat(node.status("identity.login", Envelopes.login(IdentityNode.newEmail(), "guess"))).isEqualTo(401);
    }
  }
}
