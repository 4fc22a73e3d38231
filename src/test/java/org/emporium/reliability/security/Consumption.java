package org.emporium.reliability.security;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import org.emporium.reliability.hostile.HostileNode;
import org.emporium.reliability.hostile.World;
import org.emporium.testing.Eventually;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

/**
 * API7, server-side request forgery: URLs a client stores (product media) are never fetched by
 * the node. API10, unsafe consumption of APIs: a payment provider's webhook is acted on only with
 * a valid signature over its exact body.
 */
final class Consumption {

  private static final String WEBHOOK = "/api/v1/payments/webhooks/simulator";

  private final HostileNode node;
  private final World world;

  Consumption(HostileNode node) {
    this.node = node;
    this.world = node.world();
  }

  Check storedUrls(Trap trap) {
    Check check = new Check("API7 SSRF", "URLs in stored data are never fetched by the node");
    String sku = "SSRF-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    JsonObject product = node.expect(201, POST, "/api/v1/products", world.adminToken(), new JsonObject()
        .put("title", "Trap " + sku).put("categoryId", world.categoryId()).put("shopId", world.shopId())
        .put("status", "published")
        .put("media", new JsonArray().add(new JsonObject().put("url", trap.url("/media.jpg")).put("alt", "x"))
            .add(new JsonObject().put("url", "http://169.254.169.254/latest/meta-data/").put("alt", "y")))
        .put("variants", new JsonArray().add(new JsonObject().put("sku", sku).put("prices", new JsonArray()
            .add(new JsonObject().put("currency", "USD").put("amount", 100))))));
    node.expect(200, GET, "/api/v1/products/" + product.getString("id"), null, null);
    // the search replica has taken the product in: every consumer of its event has run
    Eventually.eventually(() -> node.expect(200, GET, "/api/v1/search?q=" + sku, null, null)
        .getJsonArray("items").size(), n -> n > 0, Duration.ofSeconds(60));
    check.expect(trap.hits().isEmpty(), "the node fetched " + trap.hits());
    return check.figure("urlsStored", 2);
  }

  Check signedWebhooks() {
    Check check = new Check("API10 unsafe consumption", "provider webhooks need a valid signature");
    String secret = node.node().config().json().getJsonObject("payment").getJsonObject("simulator")
        .getString("webhookSecret");
    String eventId = "evt_" + UUID.randomUUID();
    JsonObject event = new JsonObject().put("id", eventId).put("type", "payment.refunded").put("data", new JsonObject()
        .put("paymentId", world.bob().paymentId()).put("amount", 100));
    JsonObject other = event.copy().put("type", "payment.noted");
    long refundedBefore = refunded();
    check.status(post(event, null), 400, "no signature");
    check.status(post(event, "sha256=" + "0".repeat(64)), 401, "a signature of zeros");
    check.status(post(event, sign("not-the-secret", event)), 401, "a signature with another secret");
    check.status(post(event, sign(secret, other)), 401, "the signature of another body");
    check.status(post(event, sign(secret, event).toUpperCase()), 401, "the signature in another case");
    check.expect(events(eventId) == 0 && refunded() == refundedBefore, "a refused webhook was acted on");
    check.status(post(event, sign(secret, event)), 200, "the signed webhook (the control)");
    check.expect(events(eventId) == 1, "the signed webhook was not recorded");
    return check;
  }

  private HttpResponse<Buffer> post(JsonObject event, String signature) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    if (signature != null) {
      headers.add("X-Emporium-Signature", signature);
    }
    return node.call(POST, WEBHOOK, null, event, headers);
  }

  private long events(String eventId) {
    Row row = HostileNode.await(node.db().preparedQuery("SELECT count(*) FROM payment.webhook_event WHERE event_id = $1")
        .execute(io.vertx.sqlclient.Tuple.of(eventId))).iterator().next();
    return row.getLong(0);
  }

  private long refunded() {
    Row row = HostileNode.await(node.db().preparedQuery("SELECT refunded FROM payment.payment WHERE id = $1")
        .execute(io.vertx.sqlclient.Tuple.of(UUID.fromString(world.bob().paymentId())))).iterator().next();
    return row.getLong(0);
  }

  /** {@code sha256=<hex HMAC-SHA256(secret, compact JSON)>}, as docs/payment.md says the provider signs. */
  private static String sign(String secret, JsonObject body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.encode().getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
