package org.emporium.checkout;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import org.emporium.testing.Eventually;
import org.emporium.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clustered node running the checkout dies while a saga waits for the payment provider: the
 * checkout of another node, started afterwards, finds the saga once its lease has run out and
 * undoes it (the authorisation that arrived meanwhile is voided, the stock released), so the saga
 * ends in exactly one outcome and the shopper's key answers it.
 */
class CheckoutNodeLossTest {

  @TempDir
  static Path dir;
  static CheckoutNode services;
  static TestNode survivor;

  @BeforeAll
  static void start() {
    // the provider takes 2 s, so a saga is caught waiting for it
    Map<String, String> settings = new HashMap<>(CheckoutNode.FAST);
    settings.putAll(Map.of("roles", "checkout-services-test", "payment.simulator.latencyMs", "2000",
        "payment.providerTimeoutMs", "5000"));
    services = CheckoutNode.around(TestNode.start(dir.resolve("services"), settings));
  }

  @AfterAll
  static void stop() {
    if (survivor != null) {
      survivor.close();
    }
    services.close();
  }

  private static TestNode checkoutNode(String name) {
    return TestNode.start(dir.resolve(name), services.node.joining(Map.of("roles", "checkout-saga-test",
        "checkout.stepTimeoutMs", "4000", "checkout.sagaLeaseMs", "8100", "checkout.sweepIntervalMs", "200")));
  }

  @Test
  void aSagaWhoseNodeDiesWaitingForThePaymentIsUndoneByAnotherNode() {
    TestNode doomed = checkoutNode("doomed");
    // across nodes first: the edge of one node, the saga on the other
    JsonObject warm = services.guestCart(services.sku(700, 1), 1);
    HttpResponse<Buffer> placed = services.checkoutNow(null, warm.getString("cartToken"), UUID.randomUUID().toString(),
        CheckoutNode.checkoutBody(warm.getString("cartId"), CheckoutJourneyTest.OK));
    assertThat(placed.statusCode()).as(placed.bodyAsString()).isEqualTo(201);

    String sku = services.sku(1_200, 5);
    JsonObject cart = services.guestCart(sku, 2);
    String key = UUID.randomUUID().toString();
    JsonObject body = CheckoutNode.checkoutBody(cart.getString("cartId"), CheckoutJourneyTest.OK);
    Future<HttpResponse<Buffer>> lost = services.checkout(null, cart.getString("cartToken"), key, body);
    UUID cartId = UUID.fromString(cart.getString("cartId"));
    // the stock is held and the payment comes next (the saga's row names only the steps that matter
    // to a sweeper, so it is watched through the reservation)
    eventually(() -> services.rows("SELECT r.status FROM checkout.saga s JOIN inventory.reservation r "
        + "ON r.id = s.reservation_id WHERE s.cart_id = $1", cartId),
        rows -> !rows.isEmpty() && rows.get(0).getString("status").equals("reserved"));
    doomed.close();
    HttpResponse<Buffer> cut = CheckoutNode.await(lost);
    assertThat(cut.statusCode()).as("the shopper learns nothing was decided").isIn(503, 504);

    survivor = checkoutNode("survivor");
    Row saga = eventually(() -> services.rows("SELECT state, payment_id, reservation_id, order_id, id "
        + "FROM checkout.saga WHERE cart_id = $1", cartId).get(0), row -> row.getString("state").equals("failed"));
    assertThat(services.rows("SELECT status, authorised, captured FROM payment.payment WHERE id = $1",
        saga.getUUID("payment_id"))).extracting(row -> row.getString("status") + "/" + row.getLong("captured"))
        .containsExactly("voided/0");
    assertThat(services.reservationStatus(saga.getUUID("reservation_id").toString())).isEqualTo("released");
    assertThat(services.stock(sku)).containsExactly(5, 0);
    assertThat(services.rows("SELECT 1 FROM ordering.orders WHERE id = $1", saga.getUUID("order_id"))).isEmpty();
    assertThat(services.cart(cart).getJsonArray("lines")).hasSize(1);
    assertThat(services.rows("SELECT event_type FROM checkout.outbox WHERE aggregate_id = $1", saga.getUUID("id").toString()))
        .extracting(row -> row.getString("event_type")).containsExactly("emporium.checkout.checkout.failed.v1");

    HttpResponse<Buffer> replayed = services.checkoutNow(null, cart.getString("cartToken"), key, body);
    assertThat(replayed.statusCode()).isEqualTo(503);
    assertThat(replayed.getHeader("Idempotent-Replayed")).isEqualTo("true");
    HttpResponse<Buffer> again = services.checkoutNow(null, cart.getString("cartToken"), UUID.randomUUID().toString(),
        body);
    assertThat(again.statusCode()).as(again.bodyAsString()).isEqualTo(201);
    assertThat(services.stock(sku)).containsExactly(3, 0);
  }

  private static <T> T eventually(Supplier<T> probe, Predicate<T> done) {
    return Eventually.eventually(probe, done, Duration.ofSeconds(60));
  }
}
