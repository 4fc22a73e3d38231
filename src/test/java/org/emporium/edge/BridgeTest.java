package org.emporium.edge;

import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.catalog.CatalogNode;
import org.emporium.testing.Eventually;
import org.emporium.testing.SharedNodes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.edge.BridgeClient.register;
import static org.emporium.edge.BridgeClient.send;

/**
 * The event-bus bridge of a real node, driven by the official JavaScript client in Node: customers
 * hear their own orders and nobody else's, anyone hears stock, nobody sends anything in.
 */
class BridgeTest {

  private static final String PASSWORD = "correct horse battery";

  static CatalogNode node;

  @BeforeAll
  static void start() throws Exception {
    BridgeClient.install();
    node = SharedNodes.get("bridge", () -> {
      try {
        return CatalogNode.start(Files.createTempDirectory("bridge-test"), Map.of("inventory.signalIntervalMs", "200",
            "identity.password.memoryKib", "64", "identity.password.iterations", "1"));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** A new customer: {@code [customerId, "Bearer <access token>"]}. */
  private static String[] customer() {
    String email = "listener-" + UUID.randomUUID() + "@example.com";
    String id = node.expect(201, HttpMethod.POST, "/api/v1/auth/register", null,
        new JsonObject().put("email", email).put("password", PASSWORD).put("name", "Listener")).getString("customerId");
    String token = node.expect(200, HttpMethod.POST, "/api/v1/auth/login", null,
        new JsonObject().put("email", email).put("password", PASSWORD)).getString("access_token");
    return new String[] {id, "Bearer " + token};
  }

  /** A SKU of a new product in the catalog, with no stock yet. */
  private static String newSku() {
    String sku = "BRG-" + UUID.randomUUID().toString().substring(0, 8);
    String category = node.create("categories", new JsonObject().put("slug", sku.toLowerCase()).put("name", sku));
    String shop = node.create("shops", new JsonObject().put("slug", sku.toLowerCase()).put("name", sku));
    node.expect(201, HttpMethod.POST, "/api/v1/products", node.admin(),
        CatalogNode.product(category, sku).put("shopId", shop));
    return sku;
  }

  private static void receive(String sku, int quantity) {
    node.expect(201, HttpMethod.POST, "/api/v1/inventory/" + sku + "/receipts", node.admin(),
        new JsonObject().put("quantity", quantity).put("note", "delivery"));
  }

  /** Repeats {@code poke} until {@code heard}: a live feed starts at the newest event once it has joined. */
  private static void untilHeard(Runnable poke, BooleanSupplier heard) {
    Eventually.eventually(() -> {
      if (!heard.getAsBoolean()) {
        poke.run();
        pause();
      }
      return heard.getAsBoolean();
    }, done -> done, Duration.ofSeconds(90));
  }

  private static void pause() {
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static JsonObject request(String address, JsonObject body) {
    try {
      return node.request(address, body);
    } catch (Exception e) {
      throw new AssertionError(address + " failed", e);
    }
  }

  private static String placeAndPay(String customerId) {
    JsonObject placed = request("ordering.place", Orders.placement(customerId));
    request("ordering.markPaid", new JsonObject().put("orderId", placed.getString("orderId"))
        .put("paymentId", placed.getString("paymentId")));
    return placed.getString("orderId");
  }

  private static List<String> types(List<JsonObject> events, String orderId) {
    return events.stream().filter(e -> orderId.equals(e.getJsonObject("data").getString("orderId")))
        .map(e -> e.getString("type")).toList();
  }

  /** Publishes a marker on {@code refused}, then on {@code heard}; once the second arrives, the first would have. */
  private static void barrier(BridgeClient client, String refused, String heard) {
    String marker = UUID.randomUUID().toString();
    node.vertx().eventBus().publish(refused, new JsonObject().put("marker", marker));
    node.vertx().eventBus().publish(heard, new JsonObject().put("marker", marker));
    client.await(line -> "message".equals(line.getString("event")) && heard.equals(line.getString("address"))
        && marker.equals(line.getJsonObject("body").getString("marker")));
  }

  @Test
  void aCustomerHearsTheirOwnOrdersAndIsRefusedAnothersAddress() throws Exception {
    String[] alice = customer();
    String[] bob = customer();
    String mine = "emporium.orders." + alice[0];
    String theirs = "emporium.orders." + bob[0];
    try (BridgeClient client = BridgeClient.connect(node.port(),
        new JsonArray().add(register(mine, alice[1])).add(register(theirs, alice[1])))) {
      assertThat(client.await(line -> "error".equals(line.getString("event"))).getString("body")).isEqualTo("rejected");

      untilHeard(() -> placeAndPay(alice[0]), () -> !client.messages(mine).isEmpty());
      String bobsOrder = placeAndPay(bob[0]);
      String order = placeAndPay(alice[0]);
      client.awaitCount(line -> "message".equals(line.getString("event"))
          && order.equals(line.getJsonObject("body").getJsonObject("data", new JsonObject()).getString("orderId")), 3);
      assertThat(types(client.messages(mine), order)).containsExactly("emporium.ordering.order.created.v1",
          "emporium.ordering.order.paid.v1", "emporium.ordering.order.status-changed.v1");
      assertThat(client.messages(mine)).allSatisfy(e ->
          assertThat(e.getJsonObject("data").getString("customerId")).isEqualTo(alice[0]));

      barrier(client, theirs, mine);
      assertThat(client.messages(theirs)).isEmpty();
      assertThat(client.lines().toString()).doesNotContain(bobsOrder);
      assertThat(client.events("error")).hasSize(1);
    }
  }

  @Test
  void withoutAValidTokenAClientCanOnlyWatchStock() throws Exception {
    String[] carol = customer();
    String orders = "emporium.orders." + carol[0];
    String sku = newSku();
    String stock = "emporium.stock." + sku;
    JsonArray steps = new JsonArray().add(register(stock, null))
        .add(register(orders, null))
        .add(register(orders.toUpperCase(), carol[1]))
        .add(register("inventory.reserve", null))
        .add(register("emporium.stock.*", null))
        .add(register(orders + ".x", carol[1]));
    try (BridgeClient client = BridgeClient.connect(node.port(), steps);
         BridgeClient forged = BridgeClient.connect(node.port(), new JsonArray()
             .add(register(orders, "Bearer not.a.token")).add(register(stock, null)))) {
      client.awaitCount(line -> "error".equals(line.getString("event")), 5);
      forged.await(line -> "error".equals(line.getString("event")));

      untilHeard(() -> receive(sku, 2), () -> !client.messages(stock).isEmpty());
      JsonObject update = client.messages(stock).get(0);
      assertThat(update.getString("sku")).isEqualTo(sku);
      assertThat(update.getLong("available")).isPositive();

      barrier(client, orders, stock);
      barrier(forged, orders, stock);
      assertThat(client.messages(orders)).isEmpty();
      assertThat(forged.messages(orders)).isEmpty();
      assertThat(forged.events("error")).hasSize(1);
      assertThat(client.events("error")).hasSize(5).allSatisfy(error ->
          assertThat(error.getString("body")).isEqualTo("rejected"));
    }
  }

  @Test
  void stockCanBeWatchedOverSockJsPollingToo() throws Exception {
    String stock = "emporium.stock.POLL-" + UUID.randomUUID().toString().substring(0, 8);
    try (BridgeClient client = BridgeClient.connect(node.port(), new JsonArray().add(register(stock, null)),
        new JsonObject().put("transports", new JsonArray().add("xhr-polling")))) {
      String marker = UUID.randomUUID().toString();
      // the registration frame travels in a POST; poll until it has been taken in
      untilHeard(() -> node.vertx().eventBus().publish(stock, new JsonObject().put("marker", marker)),
          () -> !client.messages(stock).isEmpty());
      assertThat(client.messages(stock).get(0).getString("marker")).isEqualTo(marker);
    }
  }

  @Test
  void sendingOrPublishingToAnyAddressIsRefusedAndChangesNothing() throws Exception {
    String[] dave = customer();
    String sku = newSku();
    receive(sku, 5);
    String marker = UUID.randomUUID().toString();
    List<String> reached = new CopyOnWriteArrayList<>();
    Handler<DeliveryContext<Object>> spy = context -> {
      if (String.valueOf(context.message().body()).contains(marker)) {
        reached.add(context.message().address());
      }
      context.next();
    };
    node.vertx().eventBus().addOutboundInterceptor(spy);
    JsonObject reserve = new JsonObject().put("reservationId", UUID.randomUUID().toString()).put("reference", "bridge")
        .put("lines", new JsonArray().add(new JsonObject().put("sku", sku).put("quantity", 5))).put("marker", marker);
    JsonArray steps = new JsonArray()
        .add(send("send", "inventory.reserve", reserve, dave[1]))
        .add(send("publish", "ordering.cancel", new JsonObject().put("orderId", UUID.randomUUID().toString())
            .put("marker", marker), dave[1]))
        .add(send("send", "emporium.stock." + sku, new JsonObject().put("available", 0).put("marker", marker), null))
        .add(send("publish", "emporium.orders." + dave[0], new JsonObject().put("marker", marker), dave[1]));
    try (BridgeClient client = BridgeClient.connect(node.port(), steps)) {
      client.awaitCount(line -> "error".equals(line.getString("event")), 4);
      assertThat(client.events("error")).allSatisfy(error -> assertThat(error.getString("body")).isEqualTo("rejected"));
      assertThat(client.events("reply")).isEmpty();
    } finally {
      node.vertx().eventBus().removeOutboundInterceptor(spy);
    }
    assertThat(reached).isEmpty();
    assertThat(node.expect(200, HttpMethod.GET, "/api/v1/inventory/" + sku, null, null).getLong("available"))
        .isEqualTo(5L);
  }

  @Test
  void malformedFramesOverRawWebSocketAreAnsweredWithErrorsAndBreakNothing() throws Exception {
    String stock = "emporium.stock.RAW-" + UUID.randomUUID().toString().substring(0, 8);
    WebSocketClient sockets = node.vertx().createWebSocketClient();
    List<JsonObject> received = new CopyOnWriteArrayList<>();
    WebSocket socket = sockets.connect(node.port(), "127.0.0.1", "/eventbus/websocket").await(10, TimeUnit.SECONDS);
    socket.handler(frame -> received.add(new JsonObject(frame.toString())));
    List<String> frames = List.of("not json", "[1, 2]", "{}", "{\"type\": \"register\"}",
        "{\"type\": \"subscribe\", \"address\": \"x\"}",
        "{\"type\": \"register\", \"address\": \"emporium.orders." + UUID.randomUUID() + "\", \"headers\": \"x\"}",
        "{\"type\": \"register\", \"address\": \"emporium.stock." + "A".repeat(300) + "\"}",
        "{\"type\": \"send\", \"address\": \"inventory.reserve\", \"replyAddress\": \"" + "r".repeat(100) + "\"}",
        "{\"type\": \"register\", \"address\": 42}");
    for (String frame : frames) {
      socket.writeTextMessage(frame).await(10, TimeUnit.SECONDS);
    }
    socket.writeBinaryMessage(Buffer.buffer(new byte[] {0, (byte) 0xff, 7})).await(10, TimeUnit.SECONDS);
    socket.writeTextMessage(new JsonObject().put("type", "register").put("address", stock).encode()).await(10, TimeUnit.SECONDS);
    String marker = UUID.randomUUID().toString();
    Eventually.eventually(() -> {
      node.vertx().eventBus().publish(stock, new JsonObject().put("marker", marker));
      return List.copyOf(received);
    }, now -> now.stream().anyMatch(m -> "rec".equals(m.getString("type"))), Duration.ofSeconds(30));
    // later publishes may still be arriving: look at one snapshot
    List<JsonObject> seen = List.copyOf(received);
    assertThat(seen.subList(0, 10).stream().map(m -> m.getString("type") + ":" + m.getString("body")))
        .containsExactly("err:invalid_json", "err:invalid_json", "err:missing_type", "err:missing_address",
            "err:invalid_type", "err:rejected", "err:rejected", "err:rejected", "err:rejected", "err:invalid_json");
    assertThat(seen.get(10)).isEqualTo(new JsonObject().put("type", "rec").put("address", stock)
        .put("body", new JsonObject().put("marker", marker)));

    // the server still serves new sockets after all that
    try (BridgeClient client = BridgeClient.connect(node.port(), new JsonArray().add(register(stock, null)))) {
      barrier(client, stock, stock);
    }
    socket.close().await(10, TimeUnit.SECONDS);
    sockets.close().await(10, TimeUnit.SECONDS);
  }

  /** An order placement as checkout sends it to {@code ordering.place}. */
  private static final class Orders {
    static JsonObject placement(String customerId) {
      JsonObject usd = new JsonObject().put("amount", 1250).put("currency", "USD");
      JsonObject zero = new JsonObject().put("amount", 0).put("currency", "USD");
      JsonObject line = new JsonObject().put("sku", "BRG-ORDER").put("quantity", 1).put("unitPrice", usd)
          .put("priceSource", "explicit").put("subtotal", usd).put("discount", zero).put("taxRate", "0")
          .put("tax", zero).put("total", usd);
      JsonObject quote = new JsonObject().put("quoteId", UUID.randomUUID().toString()).put("currency", "USD")
          .put("lines", new JsonArray().add(line)).put("subtotal", usd).put("discountTotal", zero)
          .put("shipping", zero).put("taxTotal", zero).put("total", usd).put("taxInclusive", false)
          .put("freeShipping", false).put("coupons", new JsonArray()).put("fxRates", new JsonArray());
      return new JsonObject().put("orderId", UUID.randomUUID().toString())
          .put("checkoutId", UUID.randomUUID().toString()).put("customerId", customerId)
          .put("email", "buyer@example.com").put("region", "test-1")
          .put("shippingAddress", new JsonObject().put("name", "Ada").put("line1", "1 Main St")
              .put("city", "Springfield").put("postalCode", "12345").put("country", "US"))
          .put("paymentId", UUID.randomUUID().toString()).put("reservationId", UUID.randomUUID().toString())
          .put("quote", quote);
    }
  }
}
