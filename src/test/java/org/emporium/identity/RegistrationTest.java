package org.emporium.identity;

import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.emporium.platform.error.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** identity.register against a real node: state, outbox event, the customer context's call, refusals. */
@ExtendWith(SharedIdentityNode.class)
class RegistrationTest {

  static IdentityNode node;
  static Flows flows;
  MessageConsumer<JsonObject> customerContext;

  @BeforeAll
  static void setUp(IdentityNode shared) {
    node = shared;
    flows = new Flows(shared);
  }

  @AfterEach
  void stopCustomerContext() {
    if (customerContext != null) {
      IdentityNode.await(customerContext.unregister());
    }
  }

  @Test
  void registersAnAccountWritesItsEventAndAsksForAProfile() {
    List<JsonObject> profileRequests = new CopyOnWriteArrayList<>();
    customerContext = node.vertx().eventBus().consumer("customer.createProfile", message -> {
      profileRequests.add(message.body());
      message.reply(new JsonObject());
    });
    IdentityNode.await(customerContext.completion());
    String email = IdentityNode.newEmail();

    JsonObject reply = node.call("identity.register", Envelopes.body(new JsonObject()
        .put("email", "  " + email.toUpperCase() + " ").put("password", "s3cret-enough").put("name", " Grace Hopper ")));

    assertThat(reply.getInteger("status")).isEqualTo(201);
    UUID id = UUID.fromString(reply.getJsonObject("body").getString("customerId"));
    Row row = node.sql("SELECT email, name, password_hash, roles, shop_id FROM identity.account WHERE id = $1", id)
        .iterator().next();
    assertThat(row.getString("email")).isEqualTo(email);
    assertThat(row.getString("name")).isEqualTo("Grace Hopper");
    assertThat(row.getString("password_hash")).startsWith("$argon2id$v=19$m=64,t=1,p=1$").doesNotContain("s3cret");
    assertThat(row.getArrayOfStrings("roles")).containsExactly("customer");
    assertThat(row.getUUID("shop_id")).isNull();
    Row event = node.sql("SELECT topic, aggregate_id, event_type, envelope FROM identity.outbox WHERE aggregate_id = $1",
        id.toString()).iterator().next();
    assertThat(event.getString("topic")).isEqualTo("identity.account.v1");
    assertThat(event.getString("event_type")).isEqualTo("emporium.identity.account.registered.v1");
    JsonObject data = new JsonObject(event.getString("envelope")).getJsonObject("data");
    assertThat(data.getString("accountId")).isEqualTo(id.toString());
    assertThat(data.getString("email")).isEqualTo(email);
    assertThat(data.getString("name")).isEqualTo("Grace Hopper");
    assertThat(data.getString("registeredAt")).isNotBlank();
    assertThat(profileRequests).containsExactly(new JsonObject()
        .put("customerId", id.toString()).put("email", email).put("name", "Grace Hopper"));
  }

  @Test
  void aFailingCustomerContextDoesNotUndoTheAccount() {
    customerContext = node.vertx().eventBus().consumer("customer.createProfile", message -> message.fail(500, "down"));
    IdentityNode.await(customerContext.completion());
    String email = IdentityNode.newEmail();
    UUID id = flows.register(email, "s3cret-enough", "Grace");
    assertThat(node.count("SELECT count(*) FROM identity.account WHERE id = $1", id)).isEqualTo(1);
  }

  @Test
  void answersWhenNoCustomerContextRuns() {
    UUID id = flows.register(IdentityNode.newEmail(), "s3cret-enough", "Grace");
    assertThat(node.count("SELECT count(*) FROM identity.account WHERE id = $1", id)).isEqualTo(1);
  }

  @Test
  void aTakenEmailIsAConflictInAnyCaseAndChangesNothing() {
    String email = IdentityNode.newEmail();
    UUID first = flows.register(email, "s3cret-enough", "First");

    Problem problem = node.problem("identity.register", Envelopes.body(new JsonObject()
        .put("email", email.toUpperCase()).put("password", "another-secret").put("name", "Second")));

    assertThat(problem.status()).isEqualTo(409);
    assertThat(node.count("SELECT count(*) FROM identity.account WHERE lower(email) = $1", email)).isEqualTo(1);
    assertThat(node.sql("SELECT name FROM identity.account WHERE id = $1", first).iterator().next().getString("name"))
        .isEqualTo("First");
    assertThat(node.count("SELECT count(*) FROM identity.outbox WHERE envelope LIKE $1", "%" + email + "%"))
        .isEqualTo(1);
  }

  @Test
  void invalidInputNamesEveryFieldAndStoresNothing() {
    String email = "not-an-email";
    Problem problem = node.problem("identity.register", Envelopes.body(new JsonObject()
        .put("email", email).put("password", "short").put("name", "   ")));

    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.errors()).extracting(Problem.FieldError::field)
        .containsExactlyInAnyOrder("/email", "/password", "/name");
    assertThat(problem.errors()).filteredOn(e -> e.field().equals("/password"))
        .extracting(Problem.FieldError::message).containsExactly("must be at least 8 characters");
    assertThat(node.count("SELECT count(*) FROM identity.account WHERE email = $1", email)).isZero();
  }

  @Test
  void missingFieldsAreProblemsToo() {
    Problem problem = node.problem("identity.register", Envelopes.body(new JsonObject().put("email", 42)));
    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.errors()).extracting(Problem.FieldError::field)
        .containsExactlyInAnyOrder("/email", "/password", "/name");
  }
}
