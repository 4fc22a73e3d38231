package org.emporium.identity;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.clients.Clients;
import org.emporium.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.identity.IdentityNode.await;

/**
 * A whole node (role {@code all}): signing up makes the customer's profile before the answer, and
 * the access token the issuer signs is the caller the customer context serves.
 */
class WithCustomerContextTest {

  @TempDir
  static Path dir;
  static TestNode node;
  static Vertx vertx;
  static Pool customers;

  @BeforeAll
  static void start() {
    node = TestNode.start(dir, Map.of("identity.password.memoryKib", "64", "identity.password.iterations", "1"));
    vertx = node.node().vertx();
    customers = new Clients(node.config()).postgresUnshared(vertx, "customer", 2);
  }

  @AfterAll
  static void stop() {
    customers.close();
    node.close();
  }

  private static JsonObject call(String address, JsonObject envelope) {
    return await(vertx.eventBus().<JsonObject>request(address, envelope, new DeliveryOptions().setSendTimeout(20_000)))
        .body();
  }

  @Test
  void aNewAccountHasItsProfileAndItsTokenReadsIt() throws Exception {
    String email = IdentityNode.newEmail();
    UUID id = UUID.fromString(call("identity.register", Envelopes.body(new JsonObject()
        .put("email", email).put("password", "s3cret-enough").put("name", "Grace Hopper")))
        .getJsonObject("body").getString("customerId"));

    Row profile = await(customers.preparedQuery("SELECT email, name FROM customer.profile WHERE customer_id = $1")
        .execute(Tuple.of(id))).iterator().next();
    assertThat(profile.getString("email")).isEqualTo(email);
    assertThat(profile.getString("name")).isEqualTo("Grace Hopper");

    JsonObject pair = call("identity.login", Envelopes.login(email, "s3cret-enough")).getJsonObject("body");
    JsonObject jwks = call("identity.jwks", Envelopes.empty()).getJsonObject("body");
    Principal caller = IssuedTokens.principal(IssuedTokens.verify(pair.getString("access_token"), jwks));
    JsonObject me = call("customer.getProfile", Envelopes.as(caller, Envelopes.empty())).getJsonObject("body");
    assertThat(me.getString("customerId")).isEqualTo(id.toString());
    assertThat(me.getString("email")).isEqualTo(email);
  }
}
