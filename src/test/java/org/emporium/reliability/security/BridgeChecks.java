package org.emporium.reliability.security;

import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import org.emporium.reliability.hostile.HostileNode;
import org.emporium.reliability.hostile.World;
import org.emporium.testing.Eventually;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The event-bus bridge as Bob sees it: Alice's orders address is refused (API1), service
 * addresses can be neither listened to nor sent to (API5), and nothing published for Alice or
 * sent by Bob gets through.
 */
final class BridgeChecks {

  private final HostileNode node;
  private final World world;

  BridgeChecks(HostileNode node) {
    this.node = node;
    this.world = node.world();
  }

  /** Runs both checks on one socket: {@code [API1 row, API5 row]}. */
  List<Check> run() {
    Check objects = new Check("API1 object level", "another customer's orders feed on the bridge: refused");
    Check functions = new Check("API5 function level", "service addresses on the bridge: refused");
    WebSocketClient sockets = node.vertx().createWebSocketClient();
    List<JsonObject> frames = new CopyOnWriteArrayList<>();
    try {
      WebSocket socket = HostileNode.await(sockets.connect(node.port(), "127.0.0.1", "/eventbus/websocket"));
      socket.handler(frame -> frames.add(new JsonObject(frame.toString())));
      String aliceOrders = "emporium.orders." + world.alice().accountId();
      String bob = "Bearer " + world.bob().accessToken();
      String marker = UUID.randomUUID().toString();
      write(socket, new JsonObject().put("type", "register").put("address", aliceOrders)
          .put("headers", new JsonObject().put("Authorization", bob)));
      write(socket, new JsonObject().put("type", "register").put("address", aliceOrders));
      for (String address : List.of("ordering.cancel", "payment.refundPayment", "inventory.reserve", "identity.login")) {
        write(socket, new JsonObject().put("type", "register").put("address", address)
            .put("headers", new JsonObject().put("Authorization", bob)));
        write(socket, new JsonObject().put("type", "send").put("address", address).put("replyAddress", "r1")
            .put("body", new JsonObject().put("orderId", world.alice().orderId()).put("marker", marker))
            .put("headers", new JsonObject().put("Authorization", bob)));
      }
      String stock = "emporium.stock." + world.sku();
      write(socket, new JsonObject().put("type", "register").put("address", stock));
      // publish for Alice, then on the stock feed Bob may hear: once the second arrives, the first would have
      Eventually.eventually(() -> {
        node.vertx().eventBus().publish(aliceOrders, new JsonObject().put("marker", marker));
        node.vertx().eventBus().publish(stock, new JsonObject().put("marker", marker));
        return frames.stream().anyMatch(f -> stock.equals(f.getString("address")));
      }, heard -> heard, Duration.ofSeconds(30));
      long errors = frames.stream().filter(f -> "err".equals(f.getString("type"))).count();
      objects.expect(frames.stream().noneMatch(f -> aliceOrders.equals(f.getString("address"))),
          "Bob heard Alice's orders feed");
      objects.expect(errors >= 2, "Alice's orders feed was not refused to Bob: " + frames);
      functions.expect(errors >= 10, "only " + errors + " of 10 service-address frames refused: " + frames);
      functions.expect(frames.stream().noneMatch(f -> "r1".equals(f.getString("address"))),
          "a service answered Bob over the bridge: " + frames);
      HostileNode.await(socket.close());
    } finally {
      HostileNode.await(sockets.close());
    }
    return List.of(objects, functions);
  }

  private static void write(WebSocket socket, JsonObject frame) {
    HostileNode.await(socket.writeTextMessage(frame.encode()));
  }
}
