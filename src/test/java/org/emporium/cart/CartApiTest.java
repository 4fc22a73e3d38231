package org.emporium.cart;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every REST operation of a guest's and a customer's cart, with the caps and bad input. */
class CartApiTest {

  private static CartNode node;
  private static String sku;
  private static String other;

  @BeforeAll
  static void start() {
    node = CartNode.shared();
    sku = node.newSku(true);
    other = node.newSku(true);
  }

  @Test
  void aGuestOpensAFillsAndEmptiesACart() {
    JsonObject created = node.expect(201, HttpMethod.POST, "/api/v1/carts", null, null, new JsonObject());
    String id = created.getString("cartId");
    String token = created.getString("cartToken");
    assertThat(token).matches("[A-Za-z0-9_-]{43}");
    assertThat(created.getJsonObject("cart").getString("currency")).isEqualTo("USD");

    JsonObject cart = node.expect(200, HttpMethod.POST, path(id, "/items"), null, token,
        new JsonObject().put("sku", sku).put("quantity", 2));
    assertThat(cart.getJsonArray("lines")).hasSize(1);
    JsonObject line = cart.getJsonArray("lines").getJsonObject(0);
    assertThat(line.getString("sku")).isEqualTo(sku);
    assertThat(line.getInteger("quantity")).isEqualTo(2);
    assertThat(line.getJsonObject("unitPrice")).isEqualTo(money(1000, "USD"));
    assertThat(line.getJsonObject("lineTotal")).isEqualTo(money(2000, "USD"));
    assertThat(line.getString("title")).startsWith("Product ");

    node.expect(200, HttpMethod.POST, path(id, "/items"), null, token, new JsonObject().put("sku", sku).put("quantity", 3));
    cart = node.expect(200, HttpMethod.POST, path(id, "/items"), null, token,
        new JsonObject().put("sku", other).put("quantity", 1));
    assertThat(cart.getLong("itemCount")).isEqualTo(6);
    assertThat(cart.getJsonObject("subtotal")).isEqualTo(money(6000, "USD"));
    assertThat(skus(cart)).containsExactly(sku, other);

    cart = node.expect(200, HttpMethod.PUT, path(id, "/items/" + sku), null, token, new JsonObject().put("quantity", 7));
    assertThat(cart.getJsonArray("lines").getJsonObject(0).getInteger("quantity")).isEqualTo(7);
    cart = node.expect(200, HttpMethod.DELETE, path(id, "/items/" + other), null, token, null);
    assertThat(skus(cart)).containsExactly(sku);
    long version = cart.getLong("version");
    cart = node.expect(200, HttpMethod.DELETE, path(id, "/items/" + other), null, token, null);
    assertThat(cart.getLong("version")).as("removing a missing line changes nothing").isEqualTo(version);

    cart = node.expect(200, HttpMethod.GET, path(id, ""), null, token, null);
    assertThat(cart.getJsonObject("subtotal")).isEqualTo(money(7000, "USD"));
    assertThat(cart.getValue("customerId")).isNull();

    cart = node.expect(200, HttpMethod.DELETE, path(id, "/items"), null, token, null);
    assertThat(cart.getJsonArray("lines")).isEmpty();
    assertThat(cart.getJsonObject("subtotal")).isEqualTo(money(0, "USD"));
  }

  @Test
  void aCartInAnotherCurrencyTakesTheCatalogPriceThere() {
    JsonObject created = node.expect(201, HttpMethod.POST, "/api/v1/carts", null, null,
        new JsonObject().put("currency", "EUR"));
    JsonObject cart = node.expect(200, HttpMethod.POST, path(created.getString("cartId"), "/items"), null,
        created.getString("cartToken"), new JsonObject().put("sku", sku).put("quantity", 3));
    assertThat(cart.getString("currency")).isEqualTo("EUR");
    assertThat(cart.getJsonObject("subtotal")).isEqualTo(money(2700, "EUR"));
  }

  @Test
  void aCustomerHasOneCartThatOnlyTheyReach() {
    String alice = node.customer();
    JsonObject created = node.expect(201, HttpMethod.POST, "/api/v1/carts", alice, null, null);
    String id = created.getString("cartId");
    assertThat(created.containsKey("cartToken")).as("a customer's cart needs no token").isFalse();
    assertThat(created.getJsonObject("cart").getString("customerId")).isNotNull();
    JsonObject again = node.expect(200, HttpMethod.POST, "/api/v1/carts", alice, null, new JsonObject());
    assertThat(again.getString("cartId")).isEqualTo(id);

    node.expect(200, HttpMethod.POST, path(id, "/items"), alice, null, new JsonObject().put("sku", sku).put("quantity", 1));
    assertThat(node.expect(200, HttpMethod.GET, path(id, ""), alice, null, null).getLong("itemCount")).isEqualTo(1);

    String bob = node.customer();
    JsonObject problem = node.expect(404, HttpMethod.GET, path(id, ""), bob, null, null);
    assertThat(problem.getString("type")).isEqualTo("/problems/not-found");
    node.expect(404, HttpMethod.POST, path(id, "/items"), bob, null, new JsonObject().put("sku", sku).put("quantity", 1));
    node.expect(404, HttpMethod.DELETE, path(id, "/items"), bob, null, null);
    node.expect(404, HttpMethod.GET, path(id, ""), null, null, null);
    String guestToken = node.expect(201, HttpMethod.POST, "/api/v1/carts", null, null, null).getString("cartToken");
    node.expect(404, HttpMethod.GET, path(id, ""), null, guestToken, null);
    assertThat(node.expect(200, HttpMethod.GET, path(id, ""), alice, null, null).getLong("itemCount"))
        .as("nothing changed").isEqualTo(1);
  }

  @Test
  void aGuestCartAnswersOnlyToItsToken() {
    JsonObject created = node.expect(201, HttpMethod.POST, "/api/v1/carts", null, null, null);
    String id = created.getString("cartId");
    String token = created.getString("cartToken");
    node.expect(200, HttpMethod.POST, path(id, "/items"), null, token, new JsonObject().put("sku", sku).put("quantity", 1));
    String otherToken = node.expect(201, HttpMethod.POST, "/api/v1/carts", null, null, null).getString("cartToken");

    node.expect(404, HttpMethod.GET, path(id, ""), null, otherToken, null);
    node.expect(404, HttpMethod.GET, path(id, ""), null, null, null);
    node.expect(404, HttpMethod.GET, path(id, ""), node.customer(), null, null);
    node.expect(404, HttpMethod.PUT, path(id, "/items/" + sku), null, otherToken, new JsonObject().put("quantity", 9));
    node.expect(404, HttpMethod.DELETE, path(id, "/items/" + sku), null, otherToken, null);
    JsonObject malformed = node.expect(400, HttpMethod.GET, path(id, ""), null, "not-a-token", null);
    assertThat(malformed.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("X-Cart-Token");
    node.expect(404, HttpMethod.GET, path("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", ""), null, token, null);

    JsonObject cart = node.expect(200, HttpMethod.GET, path(id, ""), node.customer(), token, null);
    assertThat(cart.getLong("itemCount")).as("a signed-in shopper holding the token may use the guest cart").isEqualTo(1);
    assertThat(cart.getJsonArray("lines").getJsonObject(0).getInteger("quantity")).as("nothing changed").isEqualTo(1);
  }

  @Test
  void aCustomersPreferredCurrencyIsTheNewCartsCurrency() {
    String token = node.customer();
    node.expect(200, HttpMethod.PATCH, "/api/v1/me", token, null,
        new JsonObject().put("preferences", new JsonObject().put("currency", "EUR")));
    JsonObject created = node.expect(201, HttpMethod.POST, "/api/v1/carts", token, null, null);
    assertThat(created.getJsonObject("cart").getString("currency")).isEqualTo("EUR");
  }

  @Test
  void badInputIsAProblemAndChangesNothing() {
    JsonObject created = node.expect(201, HttpMethod.POST, "/api/v1/carts", null, null, null);
    String id = created.getString("cartId");
    String token = created.getString("cartToken");
    long version = node.expect(200, HttpMethod.POST, path(id, "/items"), null, token,
        new JsonObject().put("sku", sku).put("quantity", 1)).getLong("version");

    node.expect(400, HttpMethod.POST, path(id, "/items"), null, token, new JsonObject().put("sku", sku).put("quantity", 0));
    node.expect(400, HttpMethod.POST, path(id, "/items"), null, token, new JsonObject().put("sku", sku).put("quantity", 1000));
    node.expect(400, HttpMethod.PUT, path(id, "/items/" + sku), null, token, new JsonObject().put("quantity", -1));
    JsonObject unknown = node.expect(422, HttpMethod.POST, path(id, "/items"), null, token,
        new JsonObject().put("sku", "NO-SUCH-SKU-" + id.substring(0, 8)).put("quantity", 1));
    assertThat(unknown.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("/sku");
    JsonObject draft = node.expect(422, HttpMethod.POST, path(id, "/items"), null, token,
        new JsonObject().put("sku", node.newSku(false)).put("quantity", 1));
    assertThat(draft.getString("detail")).contains("not on sale");
    node.expect(422, HttpMethod.PUT, path(id, "/items/" + node.newSku(false)), null, token,
        new JsonObject().put("quantity", 1));
    node.expect(200, HttpMethod.PUT, path(id, "/items/" + sku), null, token, new JsonObject().put("quantity", 999));
    version += 1;
    JsonObject over = node.expect(422, HttpMethod.POST, path(id, "/items"), null, token,
        new JsonObject().put("sku", sku).put("quantity", 1));
    assertThat(over.getString("type")).isEqualTo("/problems/unprocessable");
    assertThat(over.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("/quantity");

    JsonObject cart = node.expect(200, HttpMethod.GET, path(id, ""), null, token, null);
    assertThat(cart.getLong("version")).isEqualTo(version);
    assertThat(cart.getLong("itemCount")).isEqualTo(999);
  }

  @Test
  void aLineKeepsTheProductTitleWhateverItHolds() {
    String odd = node.newSkus(1, true, 1234, "Shirt | blue: 100% linen").get(0);
    JsonObject guest = node.guestCart(null);
    JsonObject line = node.expect(200, HttpMethod.POST, path(guest.getString("cartId"), "/items"), null,
        guest.getString("cartToken"), new JsonObject().put("sku", odd).put("quantity", 1)).getJsonArray("lines")
        .getJsonObject(0);
    assertThat(line.getString("title")).isEqualTo("Shirt | blue: 100% linen");
    assertThat(line.getJsonObject("unitPrice")).isEqualTo(money(1234, "USD"));
  }

  @Test
  void aSkuWithoutAPriceInTheCartCurrencyIsRefused() {
    JsonObject created = node.expect(201, HttpMethod.POST, "/api/v1/carts", null, null,
        new JsonObject().put("currency", "GBP"));
    JsonObject problem = node.expect(422, HttpMethod.POST, path(created.getString("cartId"), "/items"), null,
        created.getString("cartToken"), new JsonObject().put("sku", sku).put("quantity", 1));
    assertThat(problem.getString("detail")).contains("no price in GBP");
  }

  @Test
  void aCartHoldsAtMostAHundredLines() {
    JsonObject created = node.expect(201, HttpMethod.POST, "/api/v1/carts", null, null, null);
    String id = created.getString("cartId");
    String token = created.getString("cartToken");
    List<String> skus = new java.util.ArrayList<>(node.newSkus(60, true, 100));
    skus.addAll(node.newSkus(41, true, 100));
    for (String one : skus.subList(0, 100)) {
      node.expect(200, HttpMethod.POST, path(id, "/items"), null, token, new JsonObject().put("sku", one).put("quantity", 1));
    }
    JsonObject problem = node.expect(422, HttpMethod.POST, path(id, "/items"), null, token,
        new JsonObject().put("sku", skus.get(100)).put("quantity", 1));
    assertThat(problem.getString("detail")).contains("at most 100 lines");
    JsonObject cart = node.expect(200, HttpMethod.POST, path(id, "/items"), null, token,
        new JsonObject().put("sku", skus.get(0)).put("quantity", 1));
    assertThat(cart.getJsonArray("lines")).as("an existing line still grows").hasSize(100);
    assertThat(node.redis(Command.HLEN, "cart:{" + id + "}:lines").toInteger()).isEqualTo(100);
  }

  private static String path(String id, String rest) {
    return "/api/v1/carts/" + id + rest;
  }

  private static JsonObject money(long amount, String currency) {
    return new JsonObject().put("amount", amount).put("currency", currency);
  }

  private static List<String> skus(JsonObject cart) {
    JsonArray lines = cart.getJsonArray("lines");
    return lines.stream().map(l -> ((JsonObject) l).getString("sku")).toList();
  }
}
