package org.emporium.reliability.security;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.emporium.reliability.hostile.HostileNode;
import org.emporium.reliability.hostile.World;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

/**
 * API4, unrestricted resource consumption: a body over the limit is 413, a page larger than the
 * largest is served as the largest, a cart takes at most its lines, and a client over its request
 * rate gets 429 with Retry-After.
 */
final class ResourceLimits {

  private final HostileNode node;
  private final World world;

  ResourceLimits(HostileNode node) {
    this.node = node;
    this.world = node.world();
  }

  Check bodyLimit() {
    Check check = new Check("API4 resource consumption", "a body over http.bodyLimit: 413");
    int limit = node.node().config().http().bodyLimit();
    JsonObject huge = new JsonObject().put("name", "x".repeat(limit + 1));
    check.status(node.call(POST, "/api/v1/auth/register", null, huge), 413, "a sign-up over the limit");
    check.status(node.call(POST, "/api/v1/carts/" + world.alice().cartId() + "/items", world.alice().accessToken(),
        huge), 413, "a cart line over the limit");
    check.status(node.call(POST, "/api/v1/products", world.adminToken(), huge), 413, "a product over the limit");
    check.status(node.call(POST, "/api/v1/checkout", world.alice().accessToken(), huge,
        MultiMap.caseInsensitiveMultiMap().add("Idempotency-Key", UUID.randomUUID().toString())), 413,
        "a checkout over the limit");
    return check.figure("bodyLimit", limit);
  }

  Check pageSize() {
    Check check = new Check("API4 resource consumption", "a page size over the maximum: the largest page");
    List<Future<HttpResponse<Buffer>>> made = new ArrayList<>();
    String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    for (int i = 0; i < 101; i++) {
      made.add(node.send(POST, "/api/v1/admin/promotions", json(world.adminToken()), new JsonObject()
          .put("name", "Page " + i).put("kind", "percent_off").put("percent", "1")
          .put("codes", new JsonArray().add("PAGE" + tag + i)).toBuffer()));
      if (made.size() % 20 == 0) {
        HostileNode.await(Future.join(made));
      }
    }
    HostileNode.await(Future.join(made));
    long created = made.stream().filter(f -> f.result().statusCode() == 201).count();
    if (created != 101) {
      throw new AssertionError("only " + created + " of 101 promotions were made: "
          + made.get(0).result().bodyAsString());
    }
    JsonObject page = node.expect(200, GET, "/api/v1/admin/promotions?limit=1000000000", world.adminToken(), null);
    check.expect(page.getJsonArray("items").size() == 100 && page.getString("nextCursor") != null,
        "a page of limit=1000000000 held " + page.getJsonArray("items").size() + " items");
    check.status(node.call(GET, "/api/v1/admin/promotions?limit=0", world.adminToken(), null), 400, "limit=0");
    check.status(node.call(GET, "/api/v1/admin/promotions?limit=-5", world.adminToken(), null), 400, "limit=-5");
    return check;
  }

  Check cartLines() {
    Check check = new Check("API4 resource consumption", "cart lines and units per line: capped (422)");
    JsonArray variants = new JsonArray();
    String prefix = "LINES-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    for (int i = 0; i < 100; i++) {
      variants.add(new JsonObject().put("sku", prefix + "-" + i).put("options", new JsonObject().put("n", "" + i))
          .put("prices", new JsonArray().add(new JsonObject().put("currency", "USD").put("amount", 100))));
    }
    node.expect(201, POST, "/api/v1/products", world.adminToken(), new JsonObject().put("title", "Many variants")
        .put("categoryId", world.categoryId()).put("shopId", world.shopId()).put("status", "published")
        .put("variants", variants));
    String shopper = shopper();
    String cart = node.expect(201, POST, "/api/v1/carts", shopper, new JsonObject().put("currency", "USD"))
        .getString("cartId");
    String items = "/api/v1/carts/" + cart + "/items";
    int maxLines = node.node().config().json().getJsonObject("cart").getInteger("maxLines");
    for (int i = 0; i < maxLines; i++) {
      node.expect(200, POST, items, shopper, new JsonObject().put("sku", prefix + "-" + i).put("quantity", 1));
    }
    check.status(node.call(POST, items, shopper, new JsonObject().put("sku", world.sku()).put("quantity", 1)), 422,
        "line " + (maxLines + 1));
    int maxUnits = node.node().config().json().getJsonObject("cart").getInteger("maxLineQuantity");
    node.expect(200, io.vertx.core.http.HttpMethod.PUT, items + "/" + prefix + "-0", shopper,
        new JsonObject().put("quantity", maxUnits));
    check.status(node.call(POST, items, shopper, new JsonObject().put("sku", prefix + "-0").put("quantity", 1)), 422,
        "unit " + (maxUnits + 1) + " of a line");
    JsonObject after = node.expect(200, GET, "/api/v1/carts/" + cart, shopper, null);
    check.expect(after.getJsonArray("lines").size() == maxLines, "the cart holds " + after.getJsonArray("lines").size()
        + " lines");
    return check.figure("maxLines", maxLines).figure("maxLineQuantity", maxUnits);
  }

  /** From an address of its own, anonymous checkouts until the per-IP bucket is empty: then 429. */
  Check requestRate() {
    Check check = new Check("API4 resource consumption", "request rate over the limit: 429 with Retry-After");
    WebClient client = WebClient.create(node.vertx(), new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(node.port()).setLocalAddress("127.0.0.2"), new PoolOptions().setHttp1MaxSize(16));
    try {
      HttpResponse<Buffer> refused = null;
      int sent = 0;
      // a few more than the capacity: a request the limiter could not check in time passes (fail open)
      while (refused == null && sent < HostileNode.CHECKOUT_BURST * 2) {
        List<Future<HttpResponse<Buffer>>> batch = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
          batch.add(client.post("/api/v1/checkout").putHeader("Idempotency-Key", UUID.randomUUID().toString())
              .timeout(30_000).sendJsonObject(new JsonObject().put("cartId", "not-a-cart")));
        }
        HostileNode.await(Future.join(batch));
        sent += batch.size();
        refused = batch.stream().map(Future::result).filter(r -> r.statusCode() == 429).findFirst().orElse(null);
      }
      check.expect(refused != null && refused.getHeader("Retry-After") != null
          && refused.getHeader("RateLimit-Limit") != null, "no 429 with Retry-After after " + sent + " requests");
      check.figure("sentUntil429", sent).figure("capacity", HostileNode.CHECKOUT_BURST);
    } finally {
      client.close();
    }
    return check;
  }

  private String shopper() {
    String email = "lines-" + UUID.randomUUID() + "@example.com";
    node.expect(201, POST, "/api/v1/auth/register", null, new JsonObject().put("email", email)
        .put("password", World.PASSWORD).put("name", "Lines"));
    return node.expect(200, POST, "/api/v1/auth/login", null, new JsonObject().put("email", email)
        .put("password", World.PASSWORD)).getString("access_token");
  }

  private static MultiMap json(String token) {
    return MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json")
        .add("Authorization", "Bearer " + token);
  }
}
