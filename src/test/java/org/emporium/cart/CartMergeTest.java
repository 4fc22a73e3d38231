package org.emporium.cart;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import org.emporium.platform.auth.Principal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in with a guest cart: take-over, merge rules, caps, currencies, and repeating it. */
class CartMergeTest {

  private static CartNode node;
  private static String a;
  private static String b;
  private static String c;

  @BeforeAll
  static void start() {
    node = CartNode.shared();
    List<String> skus = node.newSkus(3, true, 1000);
    a = skus.get(0);
    b = skus.get(1);
    c = skus.get(2);
  }

  @Test
  void aCustomerWithoutACartTakesTheGuestCartOver() {
    JsonObject guest = guestWith(null, a, 2);
    String id = guest.getString("cartId");
    String token = guest.getString("cartToken");
    String alice = node.customer();

    JsonObject merged = node.expect(200, HttpMethod.POST, merge(id), alice, token, null);
    assertThat(merged.getString("cartId")).isEqualTo(id);
    assertThat(merged.getString("customerId")).isNotNull();
    assertThat(units(merged)).containsExactly(Map.entry(a, 2));
    assertThat(node.expect(200, HttpMethod.POST, "/api/v1/carts", alice, null, null).getString("cartId")).isEqualTo(id);
    node.expect(404, HttpMethod.GET, "/api/v1/carts/" + id, null, token, null);
    assertThat(node.redis(Command.PTTL, "cart:{" + id + "}").toLong()).as("a customer's cart lives 30 days")
        .isGreaterThan(8L * 24 * 3600 * 1000);

    JsonObject again = node.expect(200, HttpMethod.POST, merge(id), alice, token, null);
    assertThat(again.getLong("version")).as("a second merge changes nothing").isEqualTo(merged.getLong("version"));
    assertThat(units(again)).isEqualTo(units(merged));
  }

  @Test
  void quantitiesAddUpCappedPerLineAndTheGuestCartIsGone() {
    String alice = node.customer();
    String own = node.expect(201, HttpMethod.POST, "/api/v1/carts", alice, null, null).getString("cartId");
    node.expect(200, HttpMethod.POST, "/api/v1/carts/" + own + "/items", alice, null, line(a, 2));
    node.expect(200, HttpMethod.POST, "/api/v1/carts/" + own + "/items", alice, null, line(b, 995));
    JsonObject guest = guestWith(null, a, 3);
    String token = guest.getString("cartToken");
    String guestId = guest.getString("cartId");
    node.expect(200, HttpMethod.POST, "/api/v1/carts/" + guestId + "/items", null, token, line(b, 10));
    node.expect(200, HttpMethod.POST, "/api/v1/carts/" + guestId + "/items", null, token, line(c, 1));

    JsonObject merged = node.expect(200, HttpMethod.POST, merge(guestId), alice, token, null);
    assertThat(merged.getString("cartId")).isEqualTo(own);
    assertThat(units(merged)).containsExactlyInAnyOrderEntriesOf(Map.of(a, 5, b, 999, c, 1));
    assertThat(skus(merged)).containsExactly(a, b, c);
    node.expect(404, HttpMethod.GET, "/api/v1/carts/" + guestId, null, token, null);

    JsonObject again = node.expect(200, HttpMethod.POST, merge(guestId), alice, token, null);
    assertThat(again.getLong("version")).isEqualTo(merged.getLong("version"));
    assertThat(units(again)).isEqualTo(units(merged));
    assertThat(node.expect(200, HttpMethod.GET, "/api/v1/carts/" + own, alice, null, null).getLong("version"))
        .isEqualTo(merged.getLong("version"));

    String bob = node.customer();
    node.expect(404, HttpMethod.POST, merge(guestId), bob, token, null);
  }

  @Test
  void onlyTheTokenHolderMayMergeAGuestCartAndOnlyWhenSignedIn() {
    JsonObject guest = guestWith(null, a, 1);
    String guestId = guest.getString("cartId");
    String alice = node.customer();
    String otherToken = node.guestCart(null).getString("cartToken");
    node.expect(401, HttpMethod.POST, merge(guestId), null, guest.getString("cartToken"), null);
    node.expect(404, HttpMethod.POST, merge(guestId), alice, otherToken, null);
    node.expect(404, HttpMethod.POST, merge(guestId), alice, null, null);
    JsonObject still = node.expect(200, HttpMethod.GET, "/api/v1/carts/" + guestId, null, guest.getString("cartToken"), null);
    assertThat(still.getValue("customerId")).as("nothing changed").isNull();
    assertThat(units(still)).containsExactly(Map.entry(a, 1));
  }

  @Test
  void aGuestCartInAnotherCurrencyIsPricedAgain() {
    String alice = node.customer();
    String own = node.expect(201, HttpMethod.POST, "/api/v1/carts", alice, null, new JsonObject().put("currency", "USD"))
        .getString("cartId");
    JsonObject guest = guestWith("EUR", c, 4);
    assertThat(node.expect(200, HttpMethod.GET, "/api/v1/carts/" + guest.getString("cartId"), null,
        guest.getString("cartToken"), null).getJsonObject("subtotal").getLong("amount")).isEqualTo(3600);
    JsonObject merged = node.expect(200, HttpMethod.POST, merge(guest.getString("cartId")), alice,
        guest.getString("cartToken"), null);
    assertThat(merged.getString("cartId")).isEqualTo(own);
    assertThat(merged.getString("currency")).isEqualTo("USD");
    assertThat(merged.getJsonObject("subtotal")).isEqualTo(new JsonObject().put("amount", 4000).put("currency", "USD"));
  }

  @Test
  void linesPastTheCapAreLeftOut() {
    String alice = node.customer();
    String own = node.expect(201, HttpMethod.POST, "/api/v1/carts", alice, null, null).getString("cartId");
    List<String> skus = new ArrayList<>(node.newSkus(60, true, 100));
    skus.addAll(node.newSkus(41, true, 100));
    for (String sku : skus.subList(0, 99)) {
      node.call("cart.addItem", CartNode.envelope("addCartItem", new JsonObject().put("cartId", own), null,
          line(sku, 1), principalOf(alice, own)));
    }
    JsonObject guest = guestWith(null, skus.get(0), 1);
    String guestId = guest.getString("cartId");
    node.expect(200, HttpMethod.POST, "/api/v1/carts/" + guestId + "/items", null, guest.getString("cartToken"),
        line(skus.get(99), 1));
    node.expect(200, HttpMethod.POST, "/api/v1/carts/" + guestId + "/items", null, guest.getString("cartToken"),
        line(skus.get(100), 1));
    JsonObject merged = node.expect(200, HttpMethod.POST, merge(guestId), alice, guest.getString("cartToken"), null);
    assertThat(merged.getJsonArray("lines")).hasSize(100);
    assertThat(units(merged)).containsEntry(skus.get(0), 2).containsEntry(skus.get(99), 1)
        .doesNotContainKey(skus.get(100));
  }

  @Test
  void twoMergesAtOnceCountTheGuestCartOnce() {
    String alice = node.customer();
    String own = node.expect(201, HttpMethod.POST, "/api/v1/carts", alice, null, null).getString("cartId");
    node.expect(200, HttpMethod.POST, "/api/v1/carts/" + own + "/items", alice, null, line(a, 1));
    JsonObject guest = guestWith(null, a, 2);
    List<Future<JsonObject>> merges = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      merges.add(node.send("cart.merge", CartNode.envelope("mergeCart",
          new JsonObject().put("cartId", guest.getString("cartId")), guest.getString("cartToken"), null,
          principalOf(alice, own))));
    }
    CartNode.await(Future.join(merges));
    assertThat(merges).allMatch(Future::succeeded);
    JsonObject cart = node.expect(200, HttpMethod.GET, "/api/v1/carts/" + own, alice, null, null);
    assertThat(units(cart)).containsExactly(Map.entry(a, 3));
  }

  /** The principal behind a customer's token, read back from their cart's owner. */
  private static Principal principalOf(String token, String ownCart) {
    String customerId = node.expect(200, HttpMethod.GET, "/api/v1/carts/" + ownCart, token, null, null)
        .getString("customerId");
    return new Principal(customerId, UUID.fromString(customerId), "https://issuer.test", Set.of("customer"),
        Set.of("customer:self", "cart:own"), null, "sid", null, null);
  }

  private static JsonObject guestWith(String currency, String sku, int quantity) {
    JsonObject guest = node.guestCart(currency);
    node.expect(200, HttpMethod.POST, "/api/v1/carts/" + guest.getString("cartId") + "/items", null,
        guest.getString("cartToken"), line(sku, quantity));
    return guest;
  }

  private static String merge(String id) {
    return "/api/v1/carts/" + id + "/merge";
  }

  private static JsonObject line(String sku, int quantity) {
    return new JsonObject().put("sku", sku).put("quantity", quantity);
  }

  private static Map<String, Integer> units(JsonObject cart) {
    Map<String, Integer> units = new HashMap<>();
    cart.getJsonArray("lines").forEach(l -> units.put(((JsonObject) l).getString("sku"),
        ((JsonObject) l).getInteger("quantity")));
    return units;
  }

  private static List<String> skus(JsonObject cart) {
    JsonArray lines = cart.getJsonArray("lines");
    return lines.stream().map(l -> ((JsonObject) l).getString("sku")).toList();
  }
}
