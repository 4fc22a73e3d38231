package org.emporium.reliability.security;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.emporium.reliability.hostile.HostileNode;
import org.emporium.reliability.hostile.World;

import java.util.UUID;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

/**
 * API6, unrestricted access to sensitive business flows: a checkout retried with its key is
 * answered, never charged twice, and the key cannot be reused for another purchase; a refund
 * cannot exceed what was captured.
 */
final class BusinessFlows {

  private final HostileNode node;
  private final World world;

  BusinessFlows(HostileNode node) {
    this.node = node;
    this.world = node.world();
  }

  Check checkoutOnce() {
    Check check = new Check("API6 business flows", "a retried checkout charges once; its key buys nothing else");
    String email = "once-" + UUID.randomUUID() + "@example.com";
    node.expect(201, POST, "/api/v1/auth/register", null, new JsonObject().put("email", email)
        .put("password", World.PASSWORD).put("name", "Once"));
    String token = node.expect(200, POST, "/api/v1/auth/login", null, new JsonObject().put("email", email)
        .put("password", World.PASSWORD)).getString("access_token");
    String cart = node.expect(201, POST, "/api/v1/carts", token, new JsonObject().put("currency", "USD"))
        .getString("cartId");
    node.expect(200, POST, "/api/v1/carts/" + cart + "/items", token, new JsonObject().put("sku", world.sku())
        .put("quantity", 2));
    MultiMap key = MultiMap.caseInsensitiveMultiMap().add("Idempotency-Key", UUID.randomUUID().toString());
    JsonObject body = World.checkout(cart, "Once");
    HttpResponse<Buffer> first = node.call(POST, "/api/v1/checkout", token, body, key);
    check.status(first, 201, "the checkout");
    HttpResponse<Buffer> again = node.call(POST, "/api/v1/checkout", token, body, key);
    check.expect(again.statusCode() == 201 && "true".equals(again.getHeader("Idempotent-Replayed"))
        && first.statusCode() == 201 && again.bodyAsJsonObject().getString("orderId")
            .equals(first.bodyAsJsonObject().getString("orderId")), "the retry answered " + again.statusCode());
    JsonObject other = World.checkout(cart, "Once").put("currency", "USD").put("email", email);
    // docs/checkout.md: the same key with another body is 422 (409 is for a key still running)
    check.status(node.call(POST, "/api/v1/checkout", token, other, key), 422, "the key with another body");
    int orders = node.expect(200, GET, "/api/v1/orders", token, null).getJsonArray("items").size();
    check.expect(orders == 1, orders + " orders after a checkout and its retries");
    if (first.statusCode() == 201) {
      String orderId = first.bodyAsJsonObject().getString("orderId");
      Row payments = HostileNode.await(node.db().preparedQuery("SELECT count(*) FROM payment.payment "
          + "WHERE order_id = $1").execute(Tuple.of(UUID.fromString(orderId)))).iterator().next();
      check.expect(payments.getLong(0) == 1, payments.getLong(0) + " payments for one order");
    }
    return check;
  }

  Check refundWithinCapture() {
    Check check = new Check("API6 business flows", "a refund over the captured amount: refused");
    String payment = "/api/v1/payments/" + world.bob().paymentId();
    JsonObject before = node.expect(200, GET, payment, world.adminToken(), null);
    HttpResponse<Buffer> refund = node.call(POST, payment + "/refunds", world.adminToken(), new JsonObject()
        .put("amount", new JsonObject().put("amount", 1_000_000_000L).put("currency", "USD")),
        MultiMap.caseInsensitiveMultiMap().add("Idempotency-Key", UUID.randomUUID().toString()));
    check.expect(refund.statusCode() >= 400 && refund.statusCode() < 500, "a refund of 10,000,000.00 answered "
        + refund.statusCode());
    check.expect(node.expect(200, GET, payment, world.adminToken(), null).equals(before), "the payment changed");
    return check;
  }
}
