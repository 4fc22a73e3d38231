package org.emporium.checkout;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Many shoppers at once for a few units: exactly as many paid orders as units, clean 409s, stock 0. */
class CheckoutFlashSaleTest {

  private static final int SHOPPERS = 200;
  private static final int UNITS = 10;
  private static CheckoutNode node;

  @BeforeAll
  static void start() {
    node = CheckoutNode.shared();
  }

  @Test
  void everyUnitIsSoldOnceAndEveryOtherShopperGetsA409() {
    String sku = node.sku(999, UNITS);
    List<JsonObject> carts = new ArrayList<>();
    for (int i = 0; i < SHOPPERS; i++) {
      carts.add(node.guestCart(sku, 1));
    }
    int capturedBefore = node.standIns.captures.get();
    List<Future<HttpResponse<Buffer>>> sent = carts.stream().map(cart -> node.checkout(null, cart.getString("cartToken"),
        UUID.randomUUID().toString(), CheckoutNode.checkoutBody(cart.getString("cartId"), CheckoutStandIns.OK_CARD)))
        .toList();
    CheckoutNode.await(Future.join(sent));
    Map<Integer, Long> statuses = sent.stream().map(f -> f.result().statusCode())
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(statuses).containsOnlyKeys(201, 409).containsEntry(201, (long) UNITS)
        .containsEntry(409, (long) (SHOPPERS - UNITS));
    assertThat(node.stock(sku)).containsExactly(0, 0);
    assertThat(node.standIns.captures.get() - capturedBefore).isEqualTo(UNITS);
    List<String> paid = sent.stream().filter(f -> f.result().statusCode() == 201)
        .map(f -> f.result().bodyAsJsonObject().getString("orderId")).toList();
    assertThat(paid).doesNotHaveDuplicates().allSatisfy(order ->
        assertThat(node.standIns.orders.get(order).getString("status")).isEqualTo("paid"));
    assertThat(node.rows("SELECT state, count(*) FROM checkout.saga s WHERE EXISTS (SELECT 1 FROM "
        + "jsonb_array_elements(s.context->'view'->'lines') l WHERE l->>'sku' = $1) GROUP BY state", sku))
        .extracting(row -> row.getString(0) + "=" + row.getLong(1))
        .containsExactlyInAnyOrder("completed=" + UNITS, "failed=" + (SHOPPERS - UNITS));
    sent.stream().filter(f -> f.result().statusCode() == 409).limit(3).forEach(f ->
        assertThat(f.result().getHeader("Content-Type")).startsWith("application/problem+json"));
  }
}
