package org.emporium.reliability.security;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.grpc.common.GrpcStatus;
import org.emporium.edge.grpc.cart.v1.Cart;
import org.emporium.edge.grpc.cart.v1.LineRequest;
import org.emporium.reliability.hostile.HostileNode;
import org.emporium.reliability.hostile.World;
import org.emporium.reliability.hostile.World.Shopper;

import java.util.List;
import java.util.UUID;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.PATCH;
import static io.vertx.core.http.HttpMethod.POST;

/**
 * API3, broken object property level authorization: properties a client must not set (roles,
 * customer ids, prices, totals, statuses) are refused in REST bodies and ignored in gRPC messages,
 * and no answer carries a secret: a password hash, a full card number, a refresh token or cart
 * token, or another customer's data.
 */
final class PropertyLevel {

  private final HostileNode node;
  private final GrpcProbe grpc;
  private final World world;

  PropertyLevel(HostileNode node, GrpcProbe grpc) {
    this.node = node;
    this.grpc = grpc;
    this.world = node.world();
  }

  Check massAssignment() {
    Check check = new Check("API3 property level", "roles, ids, prices, totals, statuses in bodies: refused");
    Shopper alice = world.alice();
    String email = "mass-" + UUID.randomUUID() + "@example.com";
    JsonObject account = new JsonObject().put("email", email).put("password", World.PASSWORD).put("name", "Mass");
    for (JsonObject extra : List.of(new JsonObject().put("roles", new JsonArray().add("admin")),
        new JsonObject().put("isAdmin", true), new JsonObject().put("customerId", alice.accountId()))) {
      check.status(node.call(POST, "/api/v1/auth/register", null, account.copy().mergeIn(extra)), 400,
          "sign-up with " + extra.fieldNames());
    }
    check.status(node.call(POST, "/api/v1/auth/login", null, new JsonObject().put("email", email)
        .put("password", World.PASSWORD)), 401, "signing in to an account a refused sign-up made");
    JsonObject profile = node.expect(200, GET, "/api/v1/me", alice.accessToken(), null);
    for (JsonObject patch : List.of(new JsonObject().put("name", "Mallory").put("roles", new JsonArray().add("admin")),
        new JsonObject().put("email", "mallory@example.com"), new JsonObject().put("customerId",
            world.bob().accountId()))) {
      check.status(node.call(PATCH, "/api/v1/me", alice.accessToken(), patch), 400, "profile change with "
          + patch.fieldNames());
    }
    check.expect(node.expect(200, GET, "/api/v1/me", alice.accessToken(), null).equals(profile),
        "Alice's profile changed");
    String cart = "/api/v1/carts/" + alice.cartId();
    JsonObject before = node.expect(200, GET, cart, alice.accessToken(), null);
    for (JsonObject extra : List.of(new JsonObject().put("unitPrice", money(1)), new JsonObject().put("price", 1),
        new JsonObject().put("lineTotal", money(0)))) {
      check.status(node.call(POST, cart + "/items", alice.accessToken(), new JsonObject().put("sku", world.sku())
          .put("quantity", 1).mergeIn(extra)), 400, "a cart line with " + extra.fieldNames());
    }
    check.expect(node.expect(200, GET, cart, alice.accessToken(), null).getJsonArray("lines")
        .equals(before.getJsonArray("lines")), "Alice's cart lines changed");
    JsonObject checkout = World.checkout(alice.cartId(), "Alice");
    for (JsonObject extra : List.of(new JsonObject().put("total", money(1)), new JsonObject().put("status", "paid"),
        new JsonObject().put("customerId", world.bob().accountId()), new JsonObject().put("lines", new JsonArray()
            .add(new JsonObject().put("sku", world.sku()).put("quantity", 1).put("unitPrice", money(1)))))) {
      check.status(node.call(POST, "/api/v1/checkout", alice.accessToken(), checkout.copy().mergeIn(extra),
          MultiMap.caseInsensitiveMultiMap().add("Idempotency-Key", UUID.randomUUID().toString())), 400,
          "a checkout with " + extra.fieldNames());
    }
    check.status(node.call(POST, "/api/v1/orders/" + alice.orderId() + "/cancel", alice.accessToken(),
        new JsonObject().put("status", "delivered")), 400, "a cancel that sets a status");
    check.status(node.call(POST, "/api/v1/quotes", null, new JsonObject().put("currency", "USD")
        .put("lines", new JsonArray().add(new JsonObject().put("sku", world.sku()).put("quantity", 1)
            .put("unitPrice", money(1))))), 400, "a quote with a unit price");
    return check;
  }

  /** A price smuggled into a gRPC message as an unknown field is ignored: the line has the catalog's price. */
  Check grpcPrice() {
    Check check = new Check("API3 property level", "a price in a gRPC message: ignored");
    Shopper bob = world.bob();
    // a product of its own, whose price nothing else changes
    String sku = "PRICE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    node.expect(201, POST, "/api/v1/products", world.adminToken(), new JsonObject().put("title", "Priced " + sku)
        .put("categoryId", world.categoryId()).put("shopId", world.shopId()).put("status", "published")
        .put("variants", new JsonArray().add(new JsonObject().put("sku", sku).put("prices", new JsonArray()
            .add(money(1250))))));
    byte[] line = LineRequest.newBuilder().setCartId(bob.cartId()).setSku(sku).setQuantity(1).build()
        .toByteArray();
    // field 5 (unit price as it is in CartLine) and field 99, both varints of 1 cent
    byte[] smuggled = Buffer.buffer(line).appendBytes(new byte[] {40, 1, (byte) 0x98, 0x06, 1}).getBytes();
    GrpcProbe.Answer answer = grpc.call("emporium.cart.v1.CartService/AddItem", bob.accessToken(),
        smuggled);
    check.expect(answer.status() == GrpcStatus.OK, "adding a line to Bob's own cart ended " + answer.status());
    try {
      Cart cart = Cart.parseFrom(answer.body().getBytes());
      check.expect(cart.getLinesList().stream().anyMatch(l -> l.getSku().equals(sku)), "no line for " + sku);
      cart.getLinesList().stream().filter(l -> l.getSku().equals(sku)).forEach(l -> check.expect(
          l.getUnitPrice().getAmount() == 1250, "the line's price is " + l.getUnitPrice().getAmount()));
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      check.expect(false, "the answer is no Cart: " + e);
    }
    return check;
  }

  Check noSecretsInAnswers() {
    Check check = new Check("API3 property level", "answers carry no password hash, card number or others' tokens");
    Shopper alice = world.alice();
    List<HttpResponse<Buffer>> answers = List.of(
        node.call(GET, "/api/v1/me", alice.accessToken(), null),
        node.call(GET, "/api/v1/me/addresses", alice.accessToken(), null),
        node.call(GET, "/api/v1/carts/" + alice.cartId(), alice.accessToken(), null),
        node.call(GET, "/api/v1/orders/" + alice.orderId(), alice.accessToken(), null),
        node.call(GET, "/api/v1/orders", alice.accessToken(), null),
        node.call(GET, "/api/v1/payments/" + alice.paymentId(), alice.accessToken(), null),
        node.call(GET, "/api/v1/admin/accounts/" + alice.accountId(), world.adminToken(), null),
        node.call(GET, "/api/v1/admin/customers/" + alice.accountId(), world.adminToken(), null),
        node.call(GET, "/api/v1/carts/" + world.guestCartId(), null, null,
            MultiMap.caseInsensitiveMultiMap().add("X-Cart-Token", world.guestCartToken())));
    List<String> secrets = List.of(World.CARD_OK, "$argon2", "password", World.PASSWORD, alice.refreshToken(),
        world.bob().refreshToken(), world.bob().accessToken(), world.bob().email(), world.bob().accountId(),
        world.guestCartToken());
    for (HttpResponse<Buffer> answer : answers) {
      String body = String.valueOf(answer.bodyAsString());
      for (String secret : secrets) {
        check.expect(!body.contains(secret), "an answer (" + answer.statusCode() + ") holds "
            + secret.substring(0, Math.min(8, secret.length())) + "...: " + Check.clip(body));
      }
    }
    return check.figure("answers", answers.size());
  }

  private static JsonObject money(long amount) {
    return new JsonObject().put("amount", amount).put("currency", "USD");
  }
}
