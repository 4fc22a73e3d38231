package org.emporium.ordering;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.clients.Clients;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.Problems;
import org.emporium.platform.eventbus.ForwardedRequest;
import org.emporium.testing.SharedNodes;
import org.emporium.testing.TestNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One node (role {@code ordering-test}: the real ordering, inventory, catalog and identity; no pricing
 * or payment) shared by the ordering tests of a run, with stand-ins for {@code payment.refund} and
 * {@code pricing.releaseCoupons} that record what they were asked.
 */
final class OrderNode implements AutoCloseable {

  static final String ADMIN_EMAIL = "admin@emporium.local";
  static final String ADMIN_PASSWORD = "An admin password for tests";
  private static final Principal ADMIN = new Principal("ordering-tests-admin", UUID.randomUUID(), "https://issuer.test",
      Set.of("admin"), Set.of("*"), null, "sid-ordering-tests", "admin@example.com", "Admin");

  final TestNode node;
  final Pool db;
  final List<JsonObject> refunds = new CopyOnWriteArrayList<>();
  final List<JsonObject> releases = new CopyOnWriteArrayList<>();
  /** What the payment stand-in says it captured per payment id (a refund gives all of it back). */
  final Map<String, Long> captured = new ConcurrentHashMap<>();
  private final String shopId;
  private final String categoryId;

  private OrderNode(TestNode node) {
    this.node = node;
    this.db = new Clients(node.config()).postgresUnshared(node.node().vertx(), "ordering", 4);
    shopId = created("catalog.createShop", new JsonObject().put("slug", "ordering-tests").put("name", "Tests"));
    categoryId = created("catalog.createCategory", new JsonObject().put("slug", "ordering-tests").put("name", "Tests"));
    vertx().eventBus().<JsonObject>consumer("payment.refund", message -> {
      refunds.add(message.body());
      String paymentId = message.body().getString("paymentId");
      message.reply(new JsonObject().put("paymentId", paymentId).put("status", "refunded")
          .put("refunded", usd(captured.getOrDefault(paymentId, 0L))));
    });
    vertx().eventBus().<JsonObject>consumer("pricing.releaseCoupons", message -> {
      releases.add(message.body());
      message.reply(new JsonObject());
    });
  }

  static OrderNode get() {
    return SharedNodes.get("ordering", () -> {
      try {
        return new OrderNode(TestNode.start(Files.createTempDirectory("ordering"), Map.of("roles", "ordering-test",
            "adminPassword", ADMIN_PASSWORD, "identity.password.memoryKib", "64", "identity.password.iterations", "1",
            "events.consumer.initialBackoffMs", "50", "events.relay.pollIntervalMs", "200")));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  Vertx vertx() {
    return node.node().vertx();
  }

  private String created(String address, JsonObject body) {
    JsonObject envelope = ForwardedRequest.envelope(address, new JsonObject(), new JsonObject(), new JsonObject(),
        body, ADMIN, "203.0.113.7");
    JsonObject reply = call(address, envelope);
    if (reply.getInteger("status") != 201) {
      throw new IllegalStateException(address + " answered " + reply);
    }
    return reply.getJsonObject("body").getString("id");
  }

  /** A SKU of a new catalog product with {@code units} on hand in the region's main warehouse. */
  String stockedSku(int units) {
    String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 13);
    JsonObject variant = new JsonObject().put("sku", sku).put("options", new JsonObject()).put("weightGrams", 100)
        .put("prices", new JsonArray().add(new JsonObject().put("currency", "USD").put("amount", 1000)));
    created("catalog.createProduct", new JsonObject().put("title", "Product " + sku)
        .put("description", "Sold by the ordering tests.").put("categoryId", categoryId).put("shopId", shopId)
        .put("variants", new JsonArray().add(variant)));
    call("inventory.receive", new JsonObject().put("sku", sku).put("quantity", units));
    return sku;
  }

  /** The body of {@code ordering.place} for {@code quantity} of {@code sku} at 12.50 USD with 4.90 shipping. */
  static JsonObject placement(UUID orderId, UUID customerId, UUID reservationId, String sku, int quantity) {
    long subtotal = 1250L * quantity;
    JsonObject line = new JsonObject().put("sku", sku).put("quantity", quantity).put("unitPrice", usd(1250))
        .put("priceSource", "explicit").put("subtotal", usd(subtotal)).put("discount", usd(100)).put("taxRate", "0")
        .put("tax", usd(0)).put("total", usd(subtotal - 100));
    JsonObject quote = new JsonObject().put("quoteId", UUID.randomUUID().toString()).put("currency", "USD")
        .put("lines", new JsonArray().add(line)).put("subtotal", usd(subtotal)).put("discountTotal", usd(100))
        .put("shipping", usd(490)).put("taxTotal", usd(0)).put("total", usd(subtotal - 100 + 490))
        .put("taxInclusive", false).put("freeShipping", false)
        .put("coupons", new JsonArray().add(new JsonObject().put("code", "TENOFF").put("promotionId", "p-1")
            .put("kind", "fixed_amount").put("amount", usd(100))))
        .put("fxRates", new JsonArray());
    return new JsonObject().put("orderId", orderId.toString()).put("checkoutId", UUID.randomUUID().toString())
        .put("customerId", customerId == null ? null : customerId.toString()).put("email", "buyer@example.com")
        .put("region", "test-1").put("shippingAddress", new JsonObject().put("name", "Ada").put("line1", "1 Main St")
            .put("city", "Springfield").put("postalCode", "12345").put("country", "US"))
        .put("paymentId", UUID.randomUUID().toString())
        .put("reservationId", (reservationId == null ? UUID.randomUUID() : reservationId).toString())
        .put("quote", quote);
  }

  static JsonObject usd(long amount) {
    return new JsonObject().put("amount", amount).put("currency", "USD");
  }

  /** A placed and paid order of the customer (no stock behind it). */
  JsonObject paidOrder(UUID customerId) {
    JsonObject placed = call("ordering.place", placement(UUID.randomUUID(), customerId, null, "SKU-X", 1));
    return call("ordering.markPaid", new JsonObject().put("orderId", placed.getString("orderId"))
        .put("paymentId", placed.getString("paymentId")));
  }

  static <T> T await(Future<T> future) {
    try {
      return future.await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  Future<JsonObject> send(String address, JsonObject body) {
    return vertx().eventBus().<JsonObject>request(address, body, new DeliveryOptions().setSendTimeout(30_000))
        .map(Message::body);
  }

  JsonObject call(String address, JsonObject body) {
    return await(send(address, body));
  }

  /** The problem a request failed with. */
  Problem problem(String address, JsonObject body) {
    try {
      send(address, body).await(60, TimeUnit.SECONDS);
    } catch (ReplyException e) {
      return Problems.from(e);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected " + address + " to fail");
  }

  List<Row> rows(String sql, Object... args) {
    List<Row> rows = new ArrayList<>();
    await(db.preparedQuery(sql).execute(Tuple.from(args))).forEach(rows::add);
    return rows;
  }

  long number(String sql, Object... args) {
    Object value = rows(sql, args).get(0).getValue(0);
    return value == null ? 0 : ((Number) value).longValue();
  }

  @Override
  public void close() {
    db.close();
    node.close();
  }
}
