package org.emporium.checkout;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import org.emporium.checkout.domain.CheckoutCommand;
import org.emporium.checkout.domain.RequestFingerprint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node that died in the middle of a saga: the saga is brought to the point of the crash with real
 * requests to the other contexts, its row written as the dead runner left it (lease run out), and
 * this node's sweeper must end it in exactly one outcome.
 */
class CheckoutRecoveryTest {

  private static CheckoutNode node;

  @BeforeAll
  static void start() {
    node = CheckoutNode.shared();
  }

  @Test
  void aSagaInterruptedAfterTheCaptureIsFinishedForward() {
    String sku = node.sku(1500, 5);
    Interrupted saga = interruptedAt("mark_paid", sku);
    Row ended = awaitEnded(saga.id);
    assertThat(ended.getString("state")).isEqualTo("completed");
    assertThat(node.standIns.orders.get(saga.orderId.toString()).getString("status")).isEqualTo("paid");
    assertThat(node.reservationStatus(saga.reservationId.toString())).isEqualTo("committed");
    assertThat(node.stock(sku)).containsExactly(4, 0);
    assertThat(node.cart(saga.cart).getJsonArray("lines")).isEmpty();
    assertExactlyOneOutcome(saga.id, "emporium.checkout.checkout.completed.v1");
    HttpResponse<Buffer> replay = node.checkoutNow(null, saga.cart.getString("cartToken"), saga.key, saga.body);
    assertThat(replay.statusCode()).isEqualTo(201);
    assertThat(replay.getHeader("Idempotent-Replayed")).isEqualTo("true");
    assertThat(replay.bodyAsJsonObject().getString("orderId")).isEqualTo(saga.orderId.toString());
  }

  @Test
  void aSagaInterruptedBeforeTheCaptureIsCompensated() {
    String sku = node.sku(1500, 5);
    Interrupted saga = interruptedAt("capture", sku);
    // a capture that may have been sent is asked again: here it had not been, so it goes through
    Row ended = awaitEnded(saga.id);
    assertThat(ended.getString("state")).isEqualTo("completed");

    String other = node.sku(1500, 5);
    Interrupted placed = interruptedAt("place", other);
    Row failed = awaitEnded(placed.id);
    assertThat(failed.getString("state")).isEqualTo("failed");
    assertThat(failed.getJsonObject("outcome").getInteger("status")).isEqualTo(503);
    assertThat(node.standIns.orders.get(placed.orderId.toString()).getString("status")).isEqualTo("cancelled");
    assertThat(node.standIns.status(placed.paymentId.toString())).isEqualTo("voided");
    assertThat(node.reservationStatus(placed.reservationId.toString())).isEqualTo("released");
    assertThat(node.stock(other)).containsExactly(5, 0);
    assertThat(node.cart(placed.cart).getJsonArray("lines")).hasSize(1);
    assertThat(node.rows("SELECT count(*) FROM pricing.redemption WHERE order_id = $1", placed.orderId).get(0)
        .getLong(0)).isZero();
    assertExactlyOneOutcome(placed.id, "emporium.checkout.checkout.failed.v1");
  }

  @Test
  void aPaidSagaWhoseHoldRanOutAndWhoseUnitsWereSoldMeanwhileCancelsTheOrderAndFails() {
    String sku = node.sku(1500, 1);
    Interrupted saga = interruptedAt("mark_paid", sku, 1, reservation -> {
      awaitExpired(reservation);
      // the only unit, free again, goes to another buyer while the saga is held up
      node.call("inventory.reserve", new JsonObject().put("reservationId", UUID.randomUUID().toString())
          .put("reference", "another buyer").put("lines", new JsonArray()
              .add(new JsonObject().put("sku", sku).put("quantity", 1))));
    });
    Row ended = awaitEnded(saga.id);
    assertThat(ended.getString("state")).isEqualTo("failed");
    assertThat(ended.getJsonObject("outcome").getInteger("status")).isEqualTo(409);
    assertThat(node.standIns.orders.get(saga.orderId.toString()).getString("status")).isEqualTo("cancelled");
    assertThat(node.reservationStatus(saga.reservationId.toString())).isEqualTo("expired");
    assertThat(node.stock(sku)).containsExactly(1, 1);
    assertThat(node.cart(saga.cart).getJsonArray("lines")).hasSize(1);
    assertExactlyOneOutcome(saga.id, "emporium.checkout.checkout.failed.v1");
    HttpResponse<Buffer> replay = node.checkoutNow(null, saga.cart.getString("cartToken"), saga.key, saga.body);
    assertThat(replay.statusCode()).isEqualTo(409);
  }

  @Test
  void aPaidSagaWhoseHoldRanOutIsStillSoldWhenTheUnitsAreFree() {
    String sku = node.sku(1500, 2);
    Interrupted saga = interruptedAt("mark_paid", sku, 1, reservation -> {
      awaitExpired(reservation);
    });
    Row ended = awaitEnded(saga.id);
    assertThat(ended.getString("state")).isEqualTo("completed");
    assertThat(node.standIns.orders.get(saga.orderId.toString()).getString("status")).isEqualTo("paid");
    assertThat(node.reservationStatus(saga.reservationId.toString())).isEqualTo("committed");
    assertThat(node.stock(sku)).containsExactly(1, 0);
    assertExactlyOneOutcome(saga.id, "emporium.checkout.checkout.completed.v1");
  }

  private record Interrupted(UUID id, UUID orderId, UUID paymentId, UUID reservationId, JsonObject cart, String key,
      JsonObject body) {
  }

  /** Runs the steps before {@code step} (and the order placement when it is past it) for real, then writes the row. */
  private static Interrupted interruptedAt(String step, String sku) {
    return interruptedAt(step, sku, 900, reservation -> { });
  }

  /** As above, the reservation held for {@code ttlSeconds}; {@code meanwhile} runs before the row is written. */
  private static Interrupted interruptedAt(String step, String sku, int ttlSeconds,
      java.util.function.Consumer<UUID> meanwhile) {
    JsonObject cart = node.guestCart(sku, 1);
    UUID id = UUID.randomUUID();
    UUID order = UUID.randomUUID();
    UUID payment = UUID.randomUUID();
    UUID reservation = UUID.randomUUID();
    String key = UUID.randomUUID().toString();
    JsonObject body = CheckoutNode.checkoutBody(cart.getString("cartId"), CheckoutStandIns.OK_CARD);
    JsonObject view = node.call("cart.checkoutView", new JsonObject().put("cartId", cart.getString("cartId"))
        .put("cartToken", cart.getString("cartToken")));
    JsonArray lines = new JsonArray().add(new JsonObject().put("sku", sku).put("quantity", 1));
    JsonObject quote = node.call("pricing.quote", new JsonObject().put("lines", lines).put("currency", "USD")
        .put("shipTo", new JsonObject().put("country", "DE")).put("couponCodes", new JsonArray()));
    node.call("inventory.reserve", new JsonObject().put("reservationId", reservation.toString())
        .put("reference", id.toString()).put("ttlSeconds", ttlSeconds).put("lines", lines));
    node.call("payment.authorise", new JsonObject().put("paymentId", payment.toString()).put("reference", id.toString())
        .put("amount", quote.getJsonObject("total")).put("card", new JsonObject().put("number", CheckoutStandIns.OK_CARD)));
    node.call("pricing.redeemCoupons", new JsonObject().put("orderId", order.toString()).put("currency", "USD")
        .put("codes", new JsonArray()).put("lines", new JsonArray().add(new JsonObject().put("sku", sku)
            .put("categoryIds", new JsonArray()).put("quantity", 1).put("amount", 1500))));
    node.call("ordering.place", new JsonObject().put("orderId", order.toString()).put("checkoutId", id.toString())
        .put("email", "guest@example.com").put("paymentId", payment.toString())
        .put("reservationId", reservation.toString()).put("quote", quote));
    if (step.equals("mark_paid")) {
      node.call("payment.capture", new JsonObject().put("paymentId", payment.toString()).put("orderId", order.toString()));
    }
    meanwhile.accept(reservation);
    JsonObject context = new JsonObject().put("email", "guest@example.com")
        .put("shippingAddress", body.getJsonObject("shippingAddress"))
        .put("view", new JsonObject().put("currency", "USD").put("lines", view.getJsonArray("lines"))
            .put("couponCodes", view.getJsonArray("couponCodes")).put("version", view.getLong("version")))
        .put("quote", quote);
    Instant past = Instant.now().minus(Duration.ofMinutes(1));
    CheckoutCommand command = new CheckoutCommand(key, UUID.fromString(cart.getString("cartId")), null,
        cart.getString("cartToken"), "guest@example.com", null, Map.of("name", "Ada Guest", "line1", "1 Main St",
            "city", "Berlin", "postalCode", "10115", "country", "DE"),
        new CheckoutCommand.Card(CheckoutStandIns.OK_CARD, null, null), null);
    String scope = command.scope();
    node.rows("INSERT INTO checkout.idempotency (scope, key, fingerprint, checkout_id, created_at, expires_at) "
        + "VALUES ($1, $2, $3, $4, now(), now() + interval '1 day')", scope, key, RequestFingerprint.of(command), id);
    node.rows("INSERT INTO checkout.saga (id, cart_id, customer_id, scope, idempotency_key, order_id, payment_id, "
        + "reservation_id, step, state, attempt, owner, context, lease_until, created_at, updated_at) VALUES "
        + "($1, $2, NULL, $3, $4, $5, $6, $7, $8, 'running', 1, 'a node that died', $9, $10, $10, $10)",
        id, UUID.fromString(cart.getString("cartId")), scope, key, order, payment, reservation, step, context,
        java.time.OffsetDateTime.ofInstant(past, java.time.ZoneOffset.UTC));
    return new Interrupted(id, order, payment, reservation, cart, key, body);
  }

  /** Waits for the inventory sweeper to expire {@code reservation}. */
  private static void awaitExpired(UUID reservation) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!"expired".equals(node.reservationStatus(reservation.toString())) && System.nanoTime() < deadline) {
      CheckoutNode.await(io.vertx.core.Future.future(p -> node.vertx().setTimer(100, t -> p.complete())));
    }
    assertThat(node.reservationStatus(reservation.toString())).isEqualTo("expired");
  }

  private static Row awaitEnded(UUID id) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      Row row = node.rows("SELECT state, outcome FROM checkout.saga WHERE id = $1", id).get(0);
      if (row.getString("state").equals("completed") || row.getString("state").equals("failed")) {
        return row;
      }
      CheckoutNode.await(io.vertx.core.Future.future(p -> node.vertx().setTimer(100, t -> p.complete())));
    }
    throw new AssertionError("saga " + id + " did not end");
  }

  private static void assertExactlyOneOutcome(UUID id, String type) {
    assertThat(node.rows("SELECT event_type FROM checkout.outbox WHERE aggregate_id = $1", id.toString()))
        .extracting(row -> row.getString("event_type")).containsExactly(type);
  }
}
