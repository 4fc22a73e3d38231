package org.emporium.reliability.hostile;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Frames a hostile client sends to the event-bus bridge: not JSON, wrong types, unknown message
 * types, registrations of forbidden addresses (service addresses, another customer's orders,
 * patterns, oversized or odd addresses, forged tokens), and sends and publishes to service
 * addresses carrying {@code marker}, which must reach no consumer.
 */
final class BridgeFrames {

  private BridgeFrames() {
  }

  static List<String> of(World world, String marker) {
    String bobOrders = "emporium.orders." + world.bob().accountId();
    String alice = "Bearer " + world.alice().accessToken();
    JsonObject reserve = new JsonObject().put("reservationId", UUID.randomUUID().toString()).put("reference", marker)
        .put("lines", new JsonArray().add(new JsonObject().put("sku", world.sku()).put("quantity", 5)))
        .put("marker", marker);
    List<String> frames = new ArrayList<>(List.of("not json", "{", "[1, 2]", "null", "42", "\"text\"", "{}",
        "{\"type\": 42}", "{\"type\": null, \"address\": \"x\"}", "{\"type\": \"register\"}",
        "{\"type\": \"register\", \"address\": 42}", "{\"type\": \"register\", \"address\": null}",
        "{\"type\": \"register\", \"address\": \"\"}", "{\"type\": \"register\", \"address\": {\"a\": [1]}}",
        "{\"type\": \"subscribe\", \"address\": \"emporium.stock.X\"}", "{\"type\": \"REGISTER\", \"address\": \"x\"}",
        "{\"type\": \"rec\", \"address\": \"inventory.reserve\", \"body\": {}}",
        "{\"type\": \"unregister\", \"address\": \"never.registered\"}",
        "{\"type\": \"err\", \"body\": \"spoofed\"}"));
    for (String address : List.of("inventory.reserve", "ordering.cancel", "identity.login", "catalog.createProduct",
        bobOrders, bobOrders.toUpperCase(), bobOrders + ".x", "emporium.orders.*", "emporium.orders..*",
        "emporium.stock.*", "emporium.stock." + "A".repeat(5_000), "emporium.stock.A\u0000B", "emporium.stock.A\nB",
        "emporium.stock.😀", "__vertx.reply.1", "emporium.live.orders")) {
      frames.add(new JsonObject().put("type", "register").put("address", address).encode());
    }
    for (Object headers : List.<Object>of("x", 42, new JsonArray().add(alice), new JsonObject().put("Authorization", 42),
        new JsonObject().put("Authorization", alice), new JsonObject().put("authorization", "Bearer not.a.token"),
        new JsonObject().put("Authorization", "Basic YWRtaW46YWRtaW4="), new JsonObject().put("Authorization", alice)
            .put("authorization", "Bearer x"))) {
      frames.add(new JsonObject().put("type", "register").put("address", bobOrders).put("headers", headers).encode());
    }
    for (String type : List.of("send", "publish")) {
      for (String address : List.of("inventory.reserve", "ordering.cancel", "payment.refundPayment", bobOrders,
          "emporium.stock." + world.sku(), "__vertx.reply.1")) {
        frames.add(new JsonObject().put("type", type).put("address", address).put("body", reserve)
            .put("replyAddress", "r-" + marker).put("headers", new JsonObject().put("Authorization", alice)).encode());
      }
    }
    frames.add(new JsonObject().put("type", "send").put("address", "inventory.reserve").put("body", "x".repeat(50_000))
        .encode());
    frames.add("{\"type\": \"register\", \"address\": \"x\", \"body\": " + "[".repeat(3_000) + "]".repeat(3_000) + "}");
    frames.add("{\"type\": \"ping\"}");
    return frames;
  }
}
