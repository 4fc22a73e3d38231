package org.emporium.ordering;

import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.ordering.OrderNode.placement;

/** A customer's order updates go live on {@code emporium.orders.<customerId>}, and nobody else's do. */
class OrderLiveUpdatesTest {

  static OrderNode node;

  @BeforeAll
  static void start() {
    node = OrderNode.get();
  }

  private static List<String> types(List<JsonObject> received, String orderId) {
    return received.stream().filter(e -> orderId.equals(e.getJsonObject("data").getString("orderId")))
        .map(e -> e.getString("type")).toList();
  }

  private static void waitFor(Runnable poke, java.util.function.BooleanSupplier done) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (!done.getAsBoolean()) {
      assertThat(Instant.now()).as("no live update in time").isBefore(deadline);
      poke.run();
      OrderNode.await(node.vertx().timer(500));
    }
  }

  @Test
  void aCustomersOrderUpdatesArePublishedOnTheirAddress() {
    UUID customer = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    List<JsonObject> mine = new CopyOnWriteArrayList<>();
    List<JsonObject> theirs = new CopyOnWriteArrayList<>();
    MessageConsumer<JsonObject> a = node.vertx().eventBus().consumer("emporium.orders." + customer, m -> mine.add(m.body()));
    MessageConsumer<JsonObject> b = node.vertx().eventBus().consumer("emporium.orders." + other, m -> theirs.add(m.body()));
    OrderNode.await(a.completion());
    OrderNode.await(b.completion());
    // the feed starts at the newest event once it has joined: warm up until one arrives
    waitFor(() -> node.call("ordering.place", placement(UUID.randomUUID(), customer, null, "SKU-W", 1)),
        () -> !mine.isEmpty());

    JsonObject placed = node.call("ordering.place", placement(UUID.randomUUID(), customer, null, "SKU-V", 1));
    String id = placed.getString("orderId");
    node.call("ordering.markPaid", new JsonObject().put("orderId", id).put("paymentId", placed.getString("paymentId")));
    waitFor(() -> { }, () -> types(mine, id).size() >= 3);
    assertThat(types(mine, id)).containsExactly("emporium.ordering.order.created.v1",
        "emporium.ordering.order.paid.v1", "emporium.ordering.order.status-changed.v1");
    assertThat(mine).allSatisfy(e -> assertThat(e.getJsonObject("data").getString("customerId"))
        .isEqualTo(customer.toString()));
    assertThat(theirs).isEmpty();
    OrderNode.await(a.unregister());
    OrderNode.await(b.unregister());
  }
}
