package org.emporium.customer;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.customer.CustomerFixture.assertField;
import static org.emporium.customer.CustomerFixture.customer;
import static org.emporium.customer.CustomerFixture.envelope;

/** Address books over the event bus of a real node: defaults, the limit, ownership, paging, cache. */
class CustomerAddressTest {

  private static final int MAX = 4;

  @TempDir
  static Path dir;
  static CustomerFixture fixture;

  @BeforeAll
  static void start() {
    fixture = CustomerFixture.start(dir, Map.of("customer.maxAddresses", String.valueOf(MAX)));
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  private static Principal newCustomer() {
    UUID id = UUID.randomUUID();
    return customer(id, "c-" + id + "@example.com", "Customer " + id.toString().substring(0, 8));
  }

  private static JsonObject address(String line1) {
    return new JsonObject().put("name", "Ada Lovelace").put("line1", line1).put("city", "London")
        .put("postalCode", "NW1 6XE").put("country", "GB");
  }

  private static JsonObject add(Principal caller, JsonObject body) throws Exception {
    JsonObject reply = fixture.call("customer.addAddress", envelope("addAddress", caller).put("body", body));
    assertThat(reply.getInteger("status")).isEqualTo(201);
    JsonObject saved = reply.getJsonObject("body");
    assertThat(reply.getJsonObject("headers").getString("Location"))
        .isEqualTo("/api/v1/me/addresses/" + saved.getString("addressId"));
    return saved;
  }

  private static JsonObject withId(String operation, Principal caller, String id) {
    return envelope(operation, caller).put("path", new JsonObject().put("id", id));
  }

  private static JsonObject profile(Principal caller) throws Exception {
    return fixture.call("customer.getProfile", envelope("getMe", caller)).getJsonObject("body");
  }

  private static JsonObject page(Principal caller, Integer limit, String cursor) throws Exception {
    JsonObject query = new JsonObject();
    if (limit != null) {
      query.put("limit", limit);
    }
    if (cursor != null) {
      query.put("cursor", cursor);
    }
    JsonObject reply = fixture.call("customer.listAddresses", envelope("listAddresses", caller).put("query", query));
    assertThat(reply.getInteger("status")).isEqualTo(200);
    return reply.getJsonObject("body");
  }

  private static List<String> ids(JsonArray items) {
    return items.stream().map(item -> ((JsonObject) item).getString("addressId")).toList();
  }

  private static long stored(String addressId) throws Exception {
    return fixture.rows("SELECT 1 FROM customer.address WHERE id = $1", UUID.fromString(addressId)).size();
  }

  @Test
  void theFirstAddressBecomesBothDefaultsAndLaterOnesMoveThemOnRequest() throws Exception {
    Principal caller = newCustomer();
    JsonObject first = add(caller, address("1 First Street").put("phone", "+442079460000").put("line2", "Flat 2"));
    assertThat(first.getBoolean("isDefault")).isTrue();
    assertThat(first.getBoolean("isDefaultBilling")).isTrue();
    assertThat(first.getString("phone")).isEqualTo("+442079460000");
    assertThat(first.getString("line2")).isEqualTo("Flat 2");
    assertThat(first.containsKey("region")).isFalse();

    JsonObject second = add(caller, address("2 Second Street"));
    assertThat(second.getBoolean("isDefault")).isFalse();
    assertThat(second.getBoolean("isDefaultBilling")).isFalse();
    JsonObject third = add(caller, address("3 Third Street").put("isDefault", true));
    assertThat(third.getBoolean("isDefault")).isTrue();
    assertThat(third.getBoolean("isDefaultBilling")).isFalse();

    JsonObject me = profile(caller);
    assertThat(me.getString("defaultAddressId")).isEqualTo(third.getString("addressId"));
    assertThat(me.getString("defaultBillingAddressId")).isEqualTo(first.getString("addressId"));

    JsonObject replaced = fixture.call("customer.replaceAddress", withId("replaceAddress", caller,
        second.getString("addressId")).put("body", address("2b Second Street").put("isDefaultBilling", true)))
        .getJsonObject("body");
    assertThat(replaced.getString("line1")).isEqualTo("2b Second Street");
    assertThat(replaced.getBoolean("isDefaultBilling")).isTrue();
    assertThat(replaced.containsKey("phone")).isFalse();
    me = profile(caller);
    assertThat(me.getString("defaultBillingAddressId")).isEqualTo(second.getString("addressId"));
    assertThat(me.getString("defaultAddressId")).isEqualTo(third.getString("addressId"));
  }

  @Test
  void movingADefaultEvictsTheCachedProfile() throws Exception {
    Principal caller = newCustomer();
    add(caller, address("1 Cached Road"));
    profile(caller);
    assertThat(fixture.cached(caller.customerId())).isNotNull();
    // a second address that does not move a default leaves the profile, and its cache entry, alone
    add(caller, address("2 Cached Road"));
    assertThat(fixture.cached(caller.customerId())).isNotNull();
    JsonObject moved = add(caller, address("3 Cached Road").put("isDefault", true));
    assertThat(fixture.cached(caller.customerId())).isNull();
    assertThat(profile(caller).getString("defaultAddressId")).isEqualTo(moved.getString("addressId"));
  }

  @Test
  void deletingADefaultMovesItToTheNewestRemainingAddress() throws Exception {
    Principal caller = newCustomer();
    JsonObject first = add(caller, address("1 Delete Lane"));
    JsonObject second = add(caller, address("2 Delete Lane"));
    JsonObject third = add(caller, address("3 Delete Lane"));
    JsonObject gone = fixture.call("customer.deleteAddress", withId("deleteAddress", caller,
        first.getString("addressId")));
    assertThat(gone.getInteger("status")).isEqualTo(204);
    assertThat(gone.containsKey("body")).isFalse();
    assertThat(stored(first.getString("addressId"))).isZero();
    JsonObject me = profile(caller);
    assertThat(me.getString("defaultAddressId")).isEqualTo(third.getString("addressId"));
    assertThat(me.getString("defaultBillingAddressId")).isEqualTo(third.getString("addressId"));

    fixture.call("customer.deleteAddress", withId("deleteAddress", caller, second.getString("addressId")));
    assertThat(profile(caller).getString("defaultAddressId")).isEqualTo(third.getString("addressId"));
    fixture.call("customer.deleteAddress", withId("deleteAddress", caller, third.getString("addressId")));
    me = profile(caller);
    assertThat(me.getString("defaultAddressId")).isNull();
    assertThat(me.getString("defaultBillingAddressId")).isNull();
    assertThat(page(caller, null, null).getJsonArray("items")).isEmpty();
  }

  @Test
  void theAddressBookHoldsAtMostTheConfiguredNumber() throws Exception {
    Principal caller = newCustomer();
    for (int i = 0; i < MAX; i++) {
      add(caller, address(i + " Full Street"));
    }
    Problem full = fixture.problem("customer.addAddress", envelope("addAddress", caller)
        .put("body", address("One Too Many Street")));
    assertThat(full.code()).isEqualTo(ErrorCode.UNPROCESSABLE);
    assertThat(full.detail()).contains(String.valueOf(MAX));
    assertThat(fixture.rows("SELECT 1 FROM customer.address WHERE customer_id = $1", caller.customerId()))
        .hasSize(MAX);
  }

  @Test
  void anotherCustomersAddressIsNotFoundAndStaysUntouched() throws Exception {
    Principal owner = newCustomer();
    Principal other = newCustomer();
    add(other, address("Other's Own Street"));
    String id = add(owner, address("1 Private Road")).getString("addressId");
    Problem replace = fixture.problem("customer.replaceAddress", withId("replaceAddress", other, id)
        .put("body", address("Taken Over")));
    assertThat(replace.code()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(fixture.problem("customer.deleteAddress", withId("deleteAddress", other, id)).code())
        .isEqualTo(ErrorCode.NOT_FOUND);
    String unknown = UUID.randomUUID().toString();
    assertThat(fixture.problem("customer.deleteAddress", withId("deleteAddress", owner, unknown)).code())
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(fixture.problem("customer.replaceAddress", withId("replaceAddress", owner, unknown)
        .put("body", address("Nowhere"))).code()).isEqualTo(ErrorCode.NOT_FOUND);
    // a caller without any profile has no addresses either
    assertThat(fixture.problem("customer.deleteAddress", withId("deleteAddress", newCustomer(), id)).code())
        .isEqualTo(ErrorCode.NOT_FOUND);

    assertThat(fixture.rows("SELECT line1 FROM customer.address WHERE id = $1", UUID.fromString(id)).get(0)
        .getString("line1")).isEqualTo("1 Private Road");
    assertThat(ids(page(other, null, null).getJsonArray("items"))).doesNotContain(id);
  }

  @Test
  void invalidAddressesAreRefusedFieldByFieldAndStoreNothing() throws Exception {
    Principal caller = newCustomer();
    JsonObject bad = new JsonObject().put("name", "").put("line1", "x".repeat(201)).put("city", "Paris")
        .put("postalCode", "#75001").put("country", "fr").put("phone", "call me")
        .put("customerId", UUID.randomUUID().toString()).put("addressId", UUID.randomUUID().toString());
    Problem problem = fixture.problem("customer.addAddress", envelope("addAddress", caller).put("body", bad));
    assertThat(problem.code()).isEqualTo(ErrorCode.BAD_REQUEST);
    assertThat(problem.errors()).extracting(Problem.FieldError::field)
        .containsExactlyInAnyOrder("/customerId", "/addressId");
    bad.remove("customerId");
    bad.remove("addressId");
    problem = fixture.problem("customer.addAddress", envelope("addAddress", caller).put("body", bad));
    assertThat(problem.errors()).extracting(Problem.FieldError::field)
        .containsExactlyInAnyOrder("/name", "/line1", "/postalCode", "/country", "/phone");
    assertField(fixture.problem("customer.addAddress", envelope("addAddress", caller)
        .put("body", address("1 Way").put("isDefault", "yes"))), "/isDefault");
    assertField(fixture.problem("customer.addAddress", envelope("addAddress", caller)
        .put("body", address("1 Way").put("country", "ZZ"))), "/country");
    assertThat(fixture.rows("SELECT 1 FROM customer.address WHERE customer_id = $1", caller.customerId())).isEmpty();
    assertThat(fixture.problem("customer.replaceAddress", withId("replaceAddress", caller, "not-a-uuid")
        .put("body", address("1 Way"))).code()).isEqualTo(ErrorCode.BAD_REQUEST);
  }

  @Test
  void pagesListTheDefaultFirstThenNewestWithAnOpaqueCursor() throws Exception {
    Principal caller = newCustomer();
    List<String> added = new ArrayList<>();
    for (int i = 0; i < MAX; i++) {
      added.add(add(caller, address(i + " Page Street")).getString("addressId"));
    }
    // the first address is the default: it leads, the others follow newest first
    List<String> expected = List.of(added.get(0), added.get(3), added.get(2), added.get(1));
    JsonObject all = page(caller, null, null);
    assertThat(ids(all.getJsonArray("items"))).isEqualTo(expected);
    assertThat(all.getValue("nextCursor")).isNull();
    assertThat(all.getJsonArray("items").getJsonObject(0).getBoolean("isDefault")).isTrue();
    assertThat(all.getJsonArray("items").getJsonObject(1).getBoolean("isDefault")).isFalse();

    List<String> walked = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonObject page = page(caller, 1, cursor);
      walked.addAll(ids(page.getJsonArray("items")));
      cursor = page.getString("nextCursor");
      pages++;
      if (cursor != null) {
        assertThat(cursor).matches("[A-Za-z0-9_-]+").doesNotContain(walked.get(walked.size() - 1));
      }
    } while (cursor != null && pages < 10);
    assertThat(walked).isEqualTo(expected);

    JsonObject two = page(caller, 2, null);
    assertThat(ids(two.getJsonArray("items"))).isEqualTo(expected.subList(0, 2));
    assertThat(ids(page(caller, 2, two.getString("nextCursor")).getJsonArray("items")))
        .isEqualTo(expected.subList(2, 4));
  }

  @Test
  void pagingParametersAreChecked() throws Exception {
    Principal caller = newCustomer();
    for (Object limit : List.of(0, -1, "many")) {
      Problem problem = fixture.problem("customer.listAddresses", envelope("listAddresses", caller)
          .put("query", new JsonObject().put("limit", limit)));
      assertThat(problem.code()).as(String.valueOf(limit)).isEqualTo(ErrorCode.BAD_REQUEST);
    }
    Problem cursor = fixture.problem("customer.listAddresses", envelope("listAddresses", caller)
        .put("query", new JsonObject().put("cursor", "not a cursor!")));
    assertField(cursor, "cursor");
    assertThat(page(caller, 100, null).getJsonArray("items")).isEmpty();
    assertThat(page(caller, 5_000, null).getJsonArray("items")).as("a larger page is served as the largest").isEmpty();
  }
}
