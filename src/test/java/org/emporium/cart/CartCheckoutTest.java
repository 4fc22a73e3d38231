package org.emporium.cart;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.emporium.platform.auth.Principal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What checkout asks of carts over the event bus: {@code cart.checkoutView} and {@code cart.checkedOut}. */
class CartCheckoutTest {

  private static CartNode node;
  private static String a;
  private static String b;

  @BeforeAll
  static void start() {
    node = CartNode.shared();
    List<String> skus = node.newSkus(2, true, 1500);
    a = skus.get(0);
    b = skus.get(1);
  }

  @Test
  void theViewIsTheCartAndItsDurableCopyIsWrittenFirst() {
    JsonObject guest = filled();
    String id = guest.getString("cartId");
    JsonObject view = node.call("cart.checkoutView", new JsonObject().put("cartId", id)
        .put("cartToken", guest.getString("cartToken")));
    assertThat(view.getString("cartId")).isEqualTo(id);
    assertThat(view.getValue("customerId")).isNull();
    assertThat(view.getString("currency")).isEqualTo("USD");
    assertThat(view.getJsonArray("lines")).containsExactly(
        new JsonObject().put("sku", a).put("quantity", 2).put("unitPrice", usd(1500)));
    assertThat(view.getJsonArray("couponCodes")).isEmpty();
    Row copy = node.rows("SELECT version, status, item_count, document FROM cart.cart WHERE id = $1", UUID.fromString(id))
        .get(0);
    assertThat(copy.getLong("version")).isEqualTo(view.getLong("version"));
    assertThat(copy.getInteger("item_count")).isEqualTo(2);
    assertThat(copy.getJsonObject("document").getJsonArray("lines").getJsonObject(0).getLong("unitPrice")).isEqualTo(1500);
  }

  @Test
  void onlyTheOwnerGetsAViewAndAnEmptyCartHasNone() {
    JsonObject guest = filled();
    String id = guest.getString("cartId");
    assertThat(node.problem("cart.checkoutView", new JsonObject().put("cartId", id)).status()).isEqualTo(404);
    assertThat(node.problem("cart.checkoutView", new JsonObject().put("cartId", id)
        .put("cartToken", node.guestCart(null).getString("cartToken"))).status()).isEqualTo(404);
    assertThat(node.problem("cart.checkoutView", new JsonObject().put("cartId", id)
        .put("customerId", UUID.randomUUID().toString())).status()).isEqualTo(404);
    assertThat(node.problem("cart.checkoutView", new JsonObject().put("cartId", "nope")).status()).isEqualTo(400);

    Principal alice = CartNode.customerPrincipal();
    JsonObject own = node.call("cart.create", CartNode.envelope("createCart", new JsonObject(), null, null, alice))
        .getJsonObject("body");
    assertThat(node.problem("cart.checkoutView", new JsonObject().put("cartId", own.getString("cartId"))
        .put("customerId", alice.customerId().toString())).status()).isEqualTo(422);
    node.call("cart.addItem", CartNode.envelope("addCartItem", new JsonObject().put("cartId", own.getString("cartId")),
        null, new JsonObject().put("sku", b).put("quantity", 1), alice));
    JsonObject view = node.call("cart.checkoutView", new JsonObject().put("cartId", own.getString("cartId"))
        .put("customerId", alice.customerId().toString()));
    assertThat(view.getString("customerId")).isEqualTo(alice.customerId().toString());
  }

  @Test
  void anOrderEmptiesTheCartOnceAndTheCopyAtOnce() {
    JsonObject guest = filled();
    String id = guest.getString("cartId");
    String token = guest.getString("cartToken");
    long version = node.call("cart.checkoutView", new JsonObject().put("cartId", id).put("cartToken", token))
        .getLong("version");
    String order = UUID.randomUUID().toString();
    JsonObject done = new JsonObject().put("cartId", id).put("orderId", order).put("version", version);
    assertThat(node.call("cart.checkedOut", done)).isEqualTo(new JsonObject());
    JsonObject cart = read(guest);
    assertThat(cart.getJsonArray("lines")).isEmpty();
    long after = cart.getLong("version");
    assertThat(node.call("cart.checkedOut", done)).isEqualTo(new JsonObject());
    assertThat(read(guest).getLong("version")).as("the same order again changes nothing").isEqualTo(after);
    JsonObject copy = node.rows("SELECT document FROM cart.cart WHERE id = $1", UUID.fromString(id)).get(0)
        .getJsonObject("document");
    assertThat(copy.getJsonArray("lines")).isEmpty();
    assertThat(copy.getString("lastOrderId")).isEqualTo(order);
  }

  @Test
  void linesAddedAfterTheViewStay() {
    JsonObject guest = filled();
    String id = guest.getString("cartId");
    String token = guest.getString("cartToken");
    long version = node.call("cart.checkoutView", new JsonObject().put("cartId", id).put("cartToken", token))
        .getLong("version");
    add(guest, a, 1);
    add(guest, b, 4);
    node.call("cart.checkedOut", new JsonObject().put("cartId", id).put("orderId", UUID.randomUUID().toString())
        .put("version", version));
    JsonArray lines = read(guest).getJsonArray("lines");
    assertThat(lines.stream().map(l -> ((JsonObject) l).getString("sku") + " x" + ((JsonObject) l).getInteger("quantity")))
        .containsExactly(a + " x1", b + " x4");
  }

  @Test
  void badInputIsRefused() {
    assertThat(node.problem("cart.checkedOut", new JsonObject().put("cartId", UUID.randomUUID().toString()))
        .errors()).extracting(e -> e.field()).containsExactlyInAnyOrder("/orderId", "/version");
    assertThat(node.problem("cart.checkedOut", new JsonObject().put("cartId", UUID.randomUUID().toString())
        .put("orderId", UUID.randomUUID().toString()).put("version", 3)).status()).isEqualTo(404);
  }

  private static JsonObject filled() {
    JsonObject guest = node.guestCart(null);
    add(guest, a, 2);
    return guest;
  }

  private static void add(JsonObject guest, String sku, int quantity) {
    node.expect(200, HttpMethod.POST, "/api/v1/carts/" + guest.getString("cartId") + "/items", null,
        guest.getString("cartToken"), new JsonObject().put("sku", sku).put("quantity", quantity));
  }

  private static JsonObject read(JsonObject guest) {
    return node.expect(200, HttpMethod.GET, "/api/v1/carts/" + guest.getString("cartId"), null,
        guest.getString("cartToken"), null);
  }

  private static JsonObject usd(long amount) {
    return new JsonObject().put("amount", amount).put("currency", "USD");
  }
}
