package org.emporium.customer;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.apache.kafka.clients.admin.Admin;
import org.emporium.customer.api.CustomerVerticle;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.clients.Clients;
import org.emporium.platform.node.Platform;
import org.emporium.platform.node.Readiness;
import org.emporium.platform.events.CloudEvent;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.OutboxEvent;
import org.emporium.platform.events.consumer.TestTopics;
import org.emporium.platform.id.TimeOrderedIds;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.customer.CustomerFixture.admin;
import static org.emporium.customer.CustomerFixture.assertField;
import static org.emporium.customer.CustomerFixture.customer;
import static org.emporium.customer.CustomerFixture.envelope;

/** Profiles over the event bus of a real node: creation, cached reads, updates, admin reads. */
class CustomerProfileTest {

  @TempDir
  static Path dir;
  static CustomerFixture fixture;

  @BeforeAll
  static void start() {
    fixture = CustomerFixture.start(dir, Map.of());
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  private static JsonObject create(UUID id, String email, String name) throws Exception {
    return fixture.call("customer.createProfile",
        new JsonObject().put("customerId", id.toString()).put("email", email).put("name", name));
  }

  private static JsonObject getProfile(Principal caller) throws Exception {
    JsonObject reply = fixture.call("customer.getProfile", envelope("getMe", caller));
    assertThat(reply.getInteger("status")).isEqualTo(200);
    return reply.getJsonObject("body");
  }

  private static JsonObject update(Principal caller, JsonObject body) {
    return envelope("updateMe", caller).put("body", body);
  }

  private static Row stored(UUID id) throws Exception {
    List<Row> rows = fixture.rows("SELECT * FROM customer.profile WHERE customer_id = $1", id);
    return rows.isEmpty() ? null : rows.get(0);
  }

  private static List<String> eventTypes(UUID id) throws Exception {
    return fixture.outbox(id).stream().map(e -> e.getString("type")).toList();
  }

  @Test
  void createProfileIsIdempotentAndPublishesRegisteredOnce() throws Exception {
    UUID id = UUID.randomUUID();
    assertThat(create(id, "ada@example.com", "Ada Lovelace").getBoolean("created")).isTrue();
    assertThat(create(id, "other@example.com", "Someone Else").getBoolean("created")).isFalse();

    Row row = stored(id);
    assertThat(row.getString("email")).isEqualTo("ada@example.com");
    assertThat(row.getString("name")).isEqualTo("Ada Lovelace");
    assertThat(row.getArrayOfStrings("roles")).containsExactly("customer");
    List<JsonObject> events = fixture.outbox(id);
    assertThat(events).hasSize(1);
    JsonObject event = events.get(0);
    assertThat(event.getString("type")).isEqualTo("emporium.customer.customer.registered.v1");
    assertThat(event.getString("subject")).isEqualTo(id.toString());
    assertThat(event.getJsonObject("data").getString("email")).isEqualTo("ada@example.com");
    assertThat(event.getJsonObject("data").getString("registeredAt")).isNotBlank();
    assertThat(fixture.rows("SELECT topic FROM customer.outbox WHERE aggregate_id = $1", id.toString())
        .get(0).getString("topic")).isEqualTo("customer.customer.v1");
  }

  @Test
  void createProfileRefusesBadInputAndStoresNothing() throws Exception {
    Problem noId = fixture.problem("customer.createProfile", new JsonObject().put("customerId", "nope")
        .put("email", "x@example.com"));
    assertThat(noId.code()).isEqualTo(ErrorCode.BAD_REQUEST);
    assertField(noId, "/customerId");

    UUID id = UUID.randomUUID();
    Problem noEmail = fixture.problem("customer.createProfile", new JsonObject().put("customerId", id.toString()));
    assertField(noEmail, "/email");
    assertThat(stored(id)).isNull();
    assertThat(fixture.outbox(id)).isEmpty();
  }

  @Test
  void createProfileWithoutNameUsesTheEmailLocalPart() throws Exception {
    UUID id = UUID.randomUUID();
    create(id, "grace.hopper@example.com", null);
    assertThat(stored(id).getString("name")).isEqualTo("grace.hopper");
  }

  @Test
  void firstReadOfACallerWithoutProfileMakesOneFromTheTokenClaims() throws Exception {
    UUID id = UUID.randomUUID();
    Principal caller = customer(id, "ext.user@sso.example.com", null);
    JsonObject profile = getProfile(caller);
    assertThat(profile.getString("customerId")).isEqualTo(id.toString());
    assertThat(profile.getString("email")).isEqualTo("ext.user@sso.example.com");
    assertThat(profile.getString("name")).isEqualTo("ext.user");
    assertThat(profile.getJsonArray("roles")).containsExactly("customer");
    assertThat(profile.getJsonObject("preferences")).isEqualTo(new JsonObject());
    assertThat(profile.containsKey("defaultAddressId")).isTrue();
    assertThat(profile.getString("defaultAddressId")).isNull();
    assertThat(stored(id)).isNotNull();
    assertThat(eventTypes(id)).containsExactly("emporium.customer.customer.registered.v1");

    getProfile(caller);
    assertThat(eventTypes(id)).hasSize(1);
  }

  @Test
  void aCallerWithoutProfileOrEmailGetsNotFound() throws Exception {
    UUID id = UUID.randomUUID();
    Problem problem = fixture.problem("customer.getProfile", envelope("getMe", customer(id, null, "No Mail")));
    assertThat(problem.code()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(stored(id)).isNull();
  }

  @Test
  void anonymousAndUnpermittedCallersAreRefused() throws Exception {
    assertThat(fixture.problem("customer.getProfile", envelope("getMe", null)).code())
        .isEqualTo(ErrorCode.UNAUTHENTICATED);
    UUID id = UUID.randomUUID();
    Principal noPermission = new Principal(id.toString(), id, "https://issuer.test", Set.of(), Set.of(), null, null,
        "x@example.com", "X");
    assertThat(fixture.problem("customer.getProfile", envelope("getMe", noPermission)).code())
        .isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(fixture.problem("customer.updateProfile", update(noPermission, new JsonObject().put("name", "Y")))
        .code()).isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(stored(id)).isNull();
  }

  @Test
  void aSecondReadIsServedFromRedisAndAnUpdateEvictsIt() throws Exception {
    UUID id = UUID.randomUUID();
    create(id, "cache@example.com", "Cached Name");
    Principal caller = customer(id, "cache@example.com", "Cached Name");
    assertThat(fixture.cached(id)).isNull();

    JsonObject first = getProfile(caller);
    assertThat(new JsonObject(fixture.cached(id))).isEqualTo(first);
    var ttl = fixture.redis().ttl("customer:profile:" + id).await(5, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(ttl.toLong()).isBetween(1L, 300L);

    // changed behind the context's back: a read that still shows the old name came from Redis
    fixture.rows("UPDATE customer.profile SET name = 'Changed In SQL' WHERE customer_id = $1", id);
    JsonObject second = getProfile(caller);
    assertThat(second).isEqualTo(first);
    assertThat(second.getString("name")).isEqualTo("Cached Name");

    fixture.call("customer.updateProfile", update(caller, new JsonObject().put("name", "Updated Name")));
    assertThat(fixture.cached(id)).isNull();
    JsonObject third = getProfile(caller);
    assertThat(third.getString("name")).isEqualTo("Updated Name");
    assertThat(new JsonObject(fixture.cached(id))).isEqualTo(third);
  }

  @Test
  void updateChangesNameAndPreferencesAndPublishesWhatChanged() throws Exception {
    UUID id = UUID.randomUUID();
    create(id, "prefs@example.com", "Pref Person");
    Principal caller = customer(id, "prefs@example.com", "Pref Person");
    JsonObject reply = fixture.call("customer.updateProfile", update(caller, new JsonObject()
        .put("name", "  New Name ")
        .put("preferences", new JsonObject().put("currency", "JPY").put("locale", "EN-us")
            .put("timeZone", "Asia/Tokyo").put("homeRegion", "ap-northeast-1"))));
    assertThat(reply.getInteger("status")).isEqualTo(200);
    JsonObject body = reply.getJsonObject("body");
    assertThat(body.getString("name")).isEqualTo("New Name");
    assertThat(body.getJsonObject("preferences")).isEqualTo(new JsonObject().put("currency", "JPY")
        .put("locale", "en-US").put("timeZone", "Asia/Tokyo").put("homeRegion", "ap-northeast-1"));
    Row row = stored(id);
    assertThat(row.getString("currency")).isEqualTo("JPY");
    assertThat(row.getString("locale")).isEqualTo("en-US");
    assertThat(row.getString("time_zone")).isEqualTo("Asia/Tokyo");
    assertThat(row.getString("home_region")).isEqualTo("ap-northeast-1");

    JsonObject updated = fixture.outbox(id).get(1);
    assertThat(updated.getString("type")).isEqualTo("emporium.customer.customer.updated.v1");
    assertThat(updated.getJsonObject("data").getJsonArray("changed"))
        .isEqualTo(new JsonArray(List.of("name", "currency", "locale", "timeZone", "homeRegion")));
    assertThat(updated.getJsonObject("data").getJsonObject("preferences").getString("currency")).isEqualTo("JPY");

    // only the currency changes; the event says so; the same values again publish nothing
    fixture.call("customer.updateProfile", update(caller, new JsonObject()
        .put("preferences", new JsonObject().put("currency", "EUR").put("timeZone", "Asia/Tokyo"))));
    assertThat(fixture.outbox(id).get(2).getJsonObject("data").getJsonArray("changed")).containsExactly("currency");
    assertThat(stored(id).getString("time_zone")).isEqualTo("Asia/Tokyo");
    fixture.call("customer.updateProfile", update(caller, new JsonObject().put("name", "New Name")));
    assertThat(fixture.outbox(id)).hasSize(3);
  }

  @Test
  void invalidPreferencesAreRefusedFieldByFieldAndChangeNothing() throws Exception {
    UUID id = UUID.randomUUID();
    create(id, "strict@example.com", "Strict");
    Principal caller = customer(id, "strict@example.com", "Strict");
    Row before = stored(id);
    Problem problem = fixture.problem("customer.updateProfile", update(caller, new JsonObject()
        .put("name", "Fine Name")
        .put("preferences", new JsonObject().put("currency", "ABC").put("locale", "en_US")
            .put("timeZone", "UTC+3").put("homeRegion", "EU West"))));
    assertThat(problem.code()).isEqualTo(ErrorCode.BAD_REQUEST);
    assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactlyInAnyOrder(
        "/preferences/currency", "/preferences/locale", "/preferences/timeZone", "/preferences/homeRegion");
    for (String zone : List.of("Mars/Olympus", "+03:00", "GMT+3", "Z")) {
      Problem bad = fixture.problem("customer.updateProfile", update(caller, new JsonObject()
          .put("preferences", new JsonObject().put("timeZone", zone))));
      assertThat(bad.errors()).as(zone).extracting(Problem.FieldError::field).containsExactly("/preferences/timeZone");
    }
    assertField(fixture.problem("customer.updateProfile", update(caller, new JsonObject().put("name", " "))), "/name");
    assertField(fixture.problem("customer.updateProfile", update(caller, new JsonObject())), "/");
    Row after = stored(id);
    assertThat(after.getString("name")).isEqualTo("Strict");
    assertThat(after.getString("time_zone")).isNull();
    assertThat(after.getOffsetDateTime("updated_at")).isEqualTo(before.getOffsetDateTime("updated_at"));
    assertThat(fixture.outbox(id)).hasSize(1);
  }

  @Test
  void aBodyCannotSetTheCustomerIdRolesOrEmail() throws Exception {
    UUID id = UUID.randomUUID();
    UUID victim = UUID.randomUUID();
    create(id, "me@example.com", "Me");
    create(victim, "victim@example.com", "Victim");
    Principal caller = customer(id, "me@example.com", "Me");
    Problem problem = fixture.problem("customer.updateProfile", update(caller, new JsonObject()
        .put("name", "Hijacked").put("customerId", victim.toString())
        .put("roles", new JsonArray().add("admin")).put("email", "evil@example.com")));
    assertThat(problem.code()).isEqualTo(ErrorCode.BAD_REQUEST);
    assertThat(problem.errors()).extracting(Problem.FieldError::field)
        .containsExactlyInAnyOrder("/customerId", "/roles", "/email");
    Problem nested = fixture.problem("customer.updateProfile", update(caller, new JsonObject()
        .put("preferences", new JsonObject().put("currency", "EUR").put("roles", "admin"))));
    assertField(nested, "/preferences/roles");

    assertThat(stored(id).getString("name")).isEqualTo("Me");
    assertThat(stored(id).getString("email")).isEqualTo("me@example.com");
    assertThat(stored(id).getArrayOfStrings("roles")).containsExactly("customer");
    assertThat(stored(id).getString("currency")).isNull();
    assertThat(stored(victim).getString("name")).isEqualTo("Victim");
  }

  @Test
  void adminsReadAnyProfileWithTheRolesLastSeenAndCustomersCannot() throws Exception {
    UUID id = UUID.randomUUID();
    create(id, "seller@example.com", "Seller");
    Principal admin = admin(UUID.randomUUID(), "admin@example.com");
    JsonObject read = envelope("getCustomer", admin).put("path", new JsonObject().put("customerId", id.toString()));
    assertThat(fixture.call("customer.getCustomer", read).getJsonObject("body").getJsonArray("roles"))
        .containsExactly("customer");

    // the customer's own read records the roles of their token
    Principal seller = new Principal(id.toString(), id, "https://issuer.test", Set.of("customer", "seller"),
        Set.of("customer:self", "catalog:write"), "shop-1", null, "seller@example.com", "Seller");
    assertThat(getProfile(seller).getJsonArray("roles")).containsExactly("customer", "seller");
    assertThat(stored(id).getArrayOfStrings("roles")).containsExactly("customer", "seller");
    assertThat(fixture.call("customer.getCustomer", read).getJsonObject("body").getJsonArray("roles"))
        .containsExactly("customer", "seller");

    Principal other = customer(UUID.randomUUID(), "nosy@example.com", "Nosy");
    JsonObject nosy = envelope("getCustomer", other).put("path", new JsonObject().put("customerId", id.toString()));
    assertThat(fixture.problem("customer.getCustomer", nosy).code()).isEqualTo(ErrorCode.FORBIDDEN);
    JsonObject unknown = envelope("getCustomer", admin)
        .put("path", new JsonObject().put("customerId", UUID.randomUUID().toString()));
    assertThat(fixture.problem("customer.getCustomer", unknown).code()).isEqualTo(ErrorCode.NOT_FOUND);
  }

  @Test
  void everyRegisteredAccountGetsOneProfileEvenWhenTheEventComesTwice() throws Exception {
    UUID account = UUID.randomUUID();
    Outbox identity = new Outbox("identity", "test-1", new TimeOrderedIds(Clock.systemUTC()), Clock.systemUTC());
    CloudEvent registered = identity.envelope(OutboxEvent.of("account", account.toString(), "account.registered",
        new JsonObject().put("accountId", account.toString()).put("email", "kafka@example.com")
            .put("name", "Kafka Reader").put("registeredAt", "2026-11-21T10:00:00Z")));
    CloudEvent again = identity.envelope(OutboxEvent.of("account", account.toString(), "account.registered",
        registered.data()));
    // same key, so same partition: once it is processed, everything before it is too
    CloudEvent sentinel = identity.envelope(OutboxEvent.of("account", account.toString(), "account.roles-changed",
        new JsonObject().put("accountId", account.toString()).put("roles", new JsonArray().add("customer"))));
    try (TestTopics kafka = new TestTopics(fixture.node().config().kafka().bootstrapServers())) {
      kafka.publish("identity.account.v1", registered);
      kafka.publish("identity.account.v1", registered);
      kafka.publish("identity.account.v1", again);
      kafka.publish("identity.account.v1", sentinel);
      TestTopics.await("the consumer reached the last event", () -> !fixture.rows(
          "SELECT 1 FROM customer.processed_event WHERE consumer = 'customer.accounts' AND event_id = $1",
          UUID.fromString(sentinel.id())).isEmpty());
    }
    Row row = stored(account);
    assertThat(row.getString("email")).isEqualTo("kafka@example.com");
    assertThat(row.getString("name")).isEqualTo("Kafka Reader");
    assertThat(eventTypes(account)).containsExactly("emporium.customer.customer.registered.v1");
    assertThat(fixture.rows("SELECT event_id FROM customer.processed_event WHERE consumer = 'customer.accounts' "
        + "AND event_id = ANY($1)", (Object) new UUID[] {UUID.fromString(registered.id()),
        UUID.fromString(again.id())})).hasSize(2);
    // and the bus path after the event finds the profile made
    assertThat(create(account, "kafka@example.com", "Kafka Reader").getBoolean("created")).isFalse();
  }

  @Test
  void undeployingTheVerticleStopsItsAccountsConsumer() throws Exception {
    var config = fixture.node().config();
    Clients clients = new Clients(config);
    try (Admin admin = Admin.create(new HashMap<String, Object>(clients.kafkaCommon("customer-test-admin")))) {
      Platform platform = new Platform(config, Clock.systemUTC(), new TimeOrderedIds(Clock.systemUTC()), clients,
          new Readiness(), null, admin);
      String deployment = fixture.vertx().deployVerticle(new CustomerVerticle(platform))
          .await(60, TimeUnit.SECONDS);
      TestTopics.await("a second member joined", () -> members(admin) == 2);
      fixture.vertx().undeploy(deployment).await(60, TimeUnit.SECONDS);
      TestTopics.await("the second member left", () -> members(admin) == 1);
    }
    // the node's own consumer still works
    UUID account = UUID.randomUUID();
    Outbox identity = new Outbox("identity", "test-1", new TimeOrderedIds(Clock.systemUTC()), Clock.systemUTC());
    try (TestTopics kafka = new TestTopics(config.kafka().bootstrapServers())) {
      kafka.publish("identity.account.v1", identity.envelope(OutboxEvent.of("account", account.toString(),
          "account.registered", new JsonObject().put("accountId", account.toString())
              .put("email", "after@example.com").put("name", "After"))));
      TestTopics.await("the profile is made", () -> stored(account) != null);
    }
  }

  private static int members(Admin admin) throws Exception {
    return admin.describeConsumerGroups(List.of("customer.accounts")).all().get(10, TimeUnit.SECONDS)
        .get("customer.accounts").members().size();
  }
}
