package org.emporium.cart;

import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coupon codes on carts. The test node runs no pricing context, so the tests that need coupon checks
 * answer {@code pricing.validateCoupon} themselves (as the contract of the promotions piece says it
 * answers): {@code SAVE<n>} is valid (pricing spells it in capitals), anything else is refused with 422.
 */
class CartCouponTest {

  private static CartNode node;
  private static String sku;
  private final List<JsonObject> asked = new CopyOnWriteArrayList<>();
  private MessageConsumer<JsonObject> pricing;

  @BeforeAll
  static void start() {
    node = CartNode.shared();
    sku = node.newSku(true);
  }

  @AfterEach
  void stopPricing() {
    if (pricing != null) {
      CartNode.await(pricing.unregister());
      pricing = null;
    }
  }

  @Test
  void withoutPricingNoCodeIsTakenOnTrust() {
    JsonObject guest = guest();
    String path = "/api/v1/carts/" + guest.getString("cartId");
    long version = node.expect(200, HttpMethod.GET, path, null, guest.getString("cartToken"), null).getLong("version");
    JsonObject problem = node.expect(503, HttpMethod.POST, path + "/coupons", null, guest.getString("cartToken"),
        new JsonObject().put("code", "SAVE10"));
    assertThat(problem.getString("type")).isEqualTo("/problems/unavailable");
    assertThat(problem.getString("detail")).contains("cannot be checked");
    JsonObject cart = node.expect(200, HttpMethod.GET, path, null, guest.getString("cartToken"), null);
    assertThat(cart.getJsonArray("couponCodes")).isEmpty();
    assertThat(cart.getLong("version")).isEqualTo(version);
  }

  @Test
  void pricingDecidesWhichCodesApply() {
    answerPricing();
    JsonObject guest = guest();
    String token = guest.getString("cartToken");
    String path = "/api/v1/carts/" + guest.getString("cartId");

    JsonObject cart = node.expect(200, HttpMethod.POST, path + "/coupons", null, token, new JsonObject().put("code", "save10"));
    assertThat(cart.getJsonArray("couponCodes")).containsExactly("SAVE10");
    assertThat(asked.get(0).getString("currency")).isEqualTo("EUR");
    assertThat(asked.get(0).containsKey("customerId")).isFalse();
    long version = cart.getLong("version");
    cart = node.expect(200, HttpMethod.POST, path + "/coupons", null, token, new JsonObject().put("code", "SAVE10"));
    assertThat(cart.getLong("version")).as("a code held already changes nothing").isEqualTo(version);

    JsonObject refused = node.expect(422, HttpMethod.POST, path + "/coupons", null, token,
        new JsonObject().put("code", "EXPIRED1"));
    assertThat(refused.getString("detail")).contains("has expired");
    assertThat(refused.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("/code");
    node.expect(400, HttpMethod.POST, path + "/coupons", null, token, new JsonObject().put("code", "not a code!"));

    cart = node.expect(200, HttpMethod.DELETE, path + "/coupons/save10", null, token, null);
    assertThat(cart.getJsonArray("couponCodes")).isEmpty();
    for (int i = 1; i <= 5; i++) {
      node.expect(200, HttpMethod.POST, path + "/coupons", null, token, new JsonObject().put("code", "SAVE" + i));
    }
    JsonObject full = node.expect(422, HttpMethod.POST, path + "/coupons", null, token,
        new JsonObject().put("code", "SAVE6"));
    assertThat(full.getString("detail")).contains("at most 5 coupon codes");
    cart = node.expect(200, HttpMethod.DELETE, path + "/items", null, token, null);
    assertThat(cart.getJsonArray("couponCodes")).as("clearing a cart drops its codes too").isEmpty();
  }

  @Test
  void aCustomersCodeIsCheckedForThemAndJoinsOnMerge() {
    answerPricing();
    String alice = node.customer();
    JsonObject own = node.expect(201, HttpMethod.POST, "/api/v1/carts", alice, null, new JsonObject().put("currency", "EUR"));
    String ownPath = "/api/v1/carts/" + own.getString("cartId");
    node.expect(200, HttpMethod.POST, ownPath + "/coupons", alice, null, new JsonObject().put("code", "SAVE1"));
    assertThat(asked.get(0).getString("customerId")).isEqualTo(own.getJsonObject("cart").getString("customerId"));

    JsonObject guest = guest();
    String guestPath = "/api/v1/carts/" + guest.getString("cartId");
    node.expect(200, HttpMethod.POST, guestPath + "/coupons", null, guest.getString("cartToken"),
        new JsonObject().put("code", "SAVE2"));
    node.expect(200, HttpMethod.POST, guestPath + "/coupons", null, guest.getString("cartToken"),
        new JsonObject().put("code", "SAVE1"));
    JsonObject merged = node.expect(200, HttpMethod.POST, guestPath + "/merge", alice, guest.getString("cartToken"), null);
    assertThat(merged.getJsonArray("couponCodes")).containsExactly("SAVE1", "SAVE2");
  }

  @Test
  void theCheckoutViewCarriesTheCodes() {
    answerPricing();
    JsonObject guest = guest();
    node.expect(200, HttpMethod.POST, "/api/v1/carts/" + guest.getString("cartId") + "/coupons", null,
        guest.getString("cartToken"), new JsonObject().put("code", "SAVE3"));
    JsonObject view = node.call("cart.checkoutView", new JsonObject().put("cartId", guest.getString("cartId"))
        .put("cartToken", guest.getString("cartToken")));
    assertThat(view.getJsonArray("couponCodes")).containsExactly("SAVE3");
  }

  /** A guest cart in EUR with one line. */
  private JsonObject guest() {
    JsonObject guest = node.guestCart("EUR");
    node.expect(200, HttpMethod.POST, "/api/v1/carts/" + guest.getString("cartId") + "/items", null,
        guest.getString("cartToken"), new JsonObject().put("sku", sku).put("quantity", 1));
    return guest;
  }

  private void answerPricing() {
    pricing = node.vertx().eventBus().consumer("pricing.validateCoupon", message -> {
      asked.add(message.body());
      String code = message.body().getString("code").toUpperCase();
      if (code.startsWith("SAVE")) {
        message.reply(new JsonObject().put("code", code).put("promotionId", "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b")
            .put("kind", "percent").put("description", "10% off"));
      } else {
        Problem problem = Problem.invalid("Coupon " + code + " has expired.", List.of(new Problem.FieldError("/code",
            "has expired")));
        Problem unprocessable = new Problem(ErrorCode.UNPROCESSABLE, problem.detail(), problem.errors());
        message.fail(422, unprocessable.toJson().encode());
      }
    });
    CartNode.await(pricing.completion());
  }
}
