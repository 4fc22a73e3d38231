package org.emporium.checkout;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The saga end to end over REST: the happy path and each failure point's compensation. */
class CheckoutSagaTest {

  private static CheckoutNode node;

  @BeforeAll
  static void start() {
    node = CheckoutNode.shared();
  }

  @Test
  void aGuestCheckoutPaysCommitsTheStockEmptiesTheCartAndRedeemsTheCoupon() {
    String sku = node.sku(2500, 10);
    String code = node.coupon("10");
    JsonObject cart = node.guestCart(sku, 2);
    HttpResponse<Buffer> response = node.checkoutNow(null, cart.getString("cartToken"), UUID.randomUUID().toString(),
        CheckoutNode.checkoutBody(cart.getString("cartId"), CheckoutStandIns.OK_CARD)
            .put("couponCodes", new JsonArray().add(code)));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    JsonObject order = response.bodyAsJsonObject();
    assertThat(response.getHeader("Location")).isEqualTo("/api/v1/orders/" + order.getString("orderId"));
    assertThat(response.getHeader("Idempotent-Replayed")).isNull();
    assertThat(order.getString("status")).isEqualTo("paid");
    assertThat(order.getJsonObject("total")).isEqualTo(new JsonObject().put("amount", 4500).put("currency", "USD"));
    assertThat(node.standIns.status(order.getString("paymentId"))).isEqualTo("captured");
    assertThat(node.reservationStatus(order.getString("reservationId"))).isEqualTo("committed");
    assertThat(node.stock(sku)).containsExactly(8, 0);
    assertThat(node.cart(cart).getJsonArray("lines")).isEmpty();
    assertThat(node.rows("SELECT count(*) FROM pricing.redemption WHERE order_id = $1",
        UUID.fromString(order.getString("orderId"))).get(0).getLong(0)).isEqualTo(1);
    Row saga = node.rows("SELECT state, step, context::text AS context FROM checkout.saga WHERE order_id = $1",
        UUID.fromString(order.getString("orderId"))).get(0);
    assertThat(saga.getString("state")).isEqualTo("completed");
    assertThat(saga.getString("context")).doesNotContain(CheckoutStandIns.OK_CARD).doesNotContain(cart.getString("cartToken"));
  }

  @Test
  void aDeclinedCardIs402AndReleasesTheReservationAndKeepsTheCart() {
    failsWith402(CheckoutStandIns.DECLINED, "declined");
  }

  @Test
  void insufficientFundsIs402AndReleasesTheReservationAndKeepsTheCart() {
    failsWith402(CheckoutStandIns.NO_FUNDS, "insufficient funds");
  }

  private void failsWith402(String card, String detail) {
    String sku = node.sku(1000, 5);
    JsonObject cart = node.guestCart(sku, 1);
    HttpResponse<Buffer> response = node.checkoutNow(null, cart.getString("cartToken"), UUID.randomUUID().toString(),
        CheckoutNode.checkoutBody(cart.getString("cartId"), card));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(402);
    assertThat(response.bodyAsJsonObject().getString("detail")).contains(detail);
    Row saga = saga(cart);
    assertThat(saga.getString("state")).isEqualTo("failed");
    assertThat(node.reservationStatus(saga.getUUID("reservation_id").toString())).isEqualTo("released");
    assertThat(node.stock(sku)).containsExactly(5, 0);
    assertThat(node.cart(cart).getJsonArray("lines")).hasSize(1);
    assertThat(node.standIns.orders).doesNotContainKey(saga.getUUID("order_id").toString());
  }

  @Test
  void outOfStockIs409WithNothingReservedAndNothingCharged() {
    String sku = node.sku(1000, 1);
    JsonObject cart = node.guestCart(sku, 2);
    HttpResponse<Buffer> response = node.checkoutNow(null, cart.getString("cartToken"), UUID.randomUUID().toString(),
        CheckoutNode.checkoutBody(cart.getString("cartId"), CheckoutStandIns.OK_CARD));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(409);
    Row saga = saga(cart);
    assertThat(saga.getString("state")).isEqualTo("failed");
    assertThat(node.stock(sku)).containsExactly(1, 0);
    assertThat(node.standIns.payments).doesNotContainKey(saga.getUUID("payment_id").toString());
    assertThat(node.cart(cart).getJsonArray("lines")).hasSize(1);
  }

  @Test
  void aProviderThatNeverAnswersIs503WithThePaymentVoidedAndTheStockReleased() {
    String sku = node.sku(1000, 5);
    JsonObject cart = node.guestCart(sku, 1);
    HttpResponse<Buffer> response = node.checkoutNow(null, cart.getString("cartToken"), UUID.randomUUID().toString(),
        CheckoutNode.checkoutBody(cart.getString("cartId"), CheckoutStandIns.NEVER_ANSWERS));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(503);
    Row saga = saga(cart);
    assertThat(saga.getString("state")).isEqualTo("failed");
    assertThat(node.standIns.status(saga.getUUID("payment_id").toString())).isEqualTo("voided");
    assertThat(node.reservationStatus(saga.getUUID("reservation_id").toString())).isEqualTo("released");
    assertThat(node.stock(sku)).containsExactly(5, 0);
    assertThat(node.cart(cart).getJsonArray("lines")).hasSize(1);
  }

  @Test
  void someoneElsesCartIs404AndBadInputIs400WithTheFieldsAndNothingStored() {
    String sku = node.sku(1000, 5);
    JsonObject cart = node.guestCart(sku, 1);
    JsonObject other = node.guestCart(sku, 1);
    HttpResponse<Buffer> stolen = node.checkoutNow(null, other.getString("cartToken"), UUID.randomUUID().toString(),
        CheckoutNode.checkoutBody(cart.getString("cartId"), CheckoutStandIns.OK_CARD));
    assertThat(stolen.statusCode()).as(stolen.bodyAsString()).isEqualTo(404);
    assertThat(node.stock(sku)).containsExactly(5, 0);

    JsonObject bad = CheckoutNode.checkoutBody(cart.getString("cartId"), "4242424242424241");
    bad.getJsonObject("shippingAddress").put("country", "Germany");
    HttpResponse<Buffer> invalid = node.checkoutNow(null, cart.getString("cartToken"), UUID.randomUUID().toString(), bad);
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.bodyAsString()).contains("/shippingAddress/country");
    HttpResponse<Buffer> luhn = node.checkoutNow(null, cart.getString("cartToken"), UUID.randomUUID().toString(),
        CheckoutNode.checkoutBody(cart.getString("cartId"), "4242424242424241"));
    assertThat(luhn.statusCode()).isEqualTo(400);
    assertThat(luhn.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("/payment/cardNumber");
    HttpResponse<Buffer> noKey = node.checkoutNow(null, cart.getString("cartToken"), null,
        CheckoutNode.checkoutBody(cart.getString("cartId"), CheckoutStandIns.OK_CARD));
    assertThat(noKey.statusCode()).isEqualTo(400);
    assertThat(node.rows("SELECT state FROM checkout.saga WHERE cart_id = $1", UUID.fromString(cart.getString("cartId"))))
        .as("only the refused attempt with another cart's token, none of the invalid ones")
        .extracting(row -> row.getString("state")).containsExactly("failed");
  }

  private static Row saga(JsonObject cart) {
    return node.rows("SELECT * FROM checkout.saga WHERE cart_id = $1", UUID.fromString(cart.getString("cartId"))).get(0);
  }
}
