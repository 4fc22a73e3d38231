package org.emporium.reliability.security;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.grpc.common.GrpcStatus;
import org.emporium.edge.grpc.cart.v1.CartRef;
import org.emporium.edge.grpc.cart.v1.CouponRequest;
import org.emporium.edge.grpc.cart.v1.LineRequest;
import org.emporium.edge.grpc.customer.v1.AddressInput;
import org.emporium.edge.grpc.customer.v1.DeleteAddressRequest;
import org.emporium.edge.grpc.customer.v1.ListAddressesRequest;
import org.emporium.edge.grpc.customer.v1.ReplaceAddressRequest;
import org.emporium.edge.grpc.ordering.v1.CancelOrderRequest;
import org.emporium.edge.grpc.ordering.v1.GetOrderRequest;
import org.emporium.edge.grpc.ordering.v1.ListOrdersRequest;
import org.emporium.edge.grpc.payment.v1.GetPaymentRequest;
import org.emporium.reliability.hostile.HostileNode;
import org.emporium.reliability.hostile.World.Shopper;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;

/**
 * API1, broken object level authorization: Bob (and nobody, and the admin for carts) reaching for
 * Alice's cart, orders, payment and addresses over REST and gRPC gets 404 or NOT_FOUND, learns
 * nothing of them, and changes nothing; Alice still reaches each of them herself.
 */
final class ObjectLevel {

  private final HostileNode node;
  private final GrpcProbe grpc;
  private final Shopper alice;
  private final String bob;

  ObjectLevel(HostileNode node, GrpcProbe grpc) {
    this.node = node;
    this.grpc = grpc;
    this.alice = node.world().alice();
    this.bob = node.world().bob().accessToken();
  }

  Check carts() {
    Check check = new Check("API1 object level", "another customer's cart (REST, gRPC): 404");
    String cart = "/api/v1/carts/" + alice.cartId();
    JsonObject before = node.expect(200, GET, cart, alice.accessToken(), null);
    for (String token : new String[] {bob, null, node.world().adminToken()}) {
      String who = token == null ? "nobody" : token.equals(bob) ? "Bob" : "the admin";
      check.status(node.call(GET, cart, token, null), 404, who + " reading Alice's cart");
      check.status(node.call(POST, cart + "/items", token, new JsonObject().put("sku", node.world().sku())
          .put("quantity", 3)), 404, who + " adding to Alice's cart");
      check.status(node.call(PUT, cart + "/items/" + node.world().sku(), token, new JsonObject().put("quantity", 7)),
          404, who + " setting a quantity in Alice's cart");
      check.status(node.call(DELETE, cart + "/items", token, null), 404, who + " clearing Alice's cart");
      check.status(node.call(POST, cart + "/coupons", token, new JsonObject().put("code", node.world().couponCode())),
          404, who + " applying a coupon to Alice's cart");
    }
    check.status(node.call(POST, cart + "/merge", bob, null), 404, "Bob merging Alice's cart into his");
    check.status(node.call(GET, cart, null, null, MultiMap.caseInsensitiveMultiMap()
        .add("X-Cart-Token", node.world().guestCartToken())), 404, "another cart's token on Alice's cart");
    grpcStatus(check, "emporium.cart.v1.CartService/GetCart", CartRef.newBuilder().setCartId(alice.cartId()).build());
    grpcStatus(check, "emporium.cart.v1.CartService/AddItem", LineRequest.newBuilder().setCartId(alice.cartId())
        .setSku(node.world().sku()).setQuantity(2).build());
    grpcStatus(check, "emporium.cart.v1.CartService/ClearCart", CartRef.newBuilder().setCartId(alice.cartId()).build());
    grpcStatus(check, "emporium.cart.v1.CartService/ApplyCoupon", CouponRequest.newBuilder().setCartId(alice.cartId())
        .setCode(node.world().couponCode()).build());
    JsonObject after = node.expect(200, GET, cart, alice.accessToken(), null);
    check.expect(after.getJsonArray("lines").equals(before.getJsonArray("lines"))
        && after.getValue("version").equals(before.getValue("version")), "Alice's cart changed: " + after);
    return check;
  }

  Check orders() {
    Check check = new Check("API1 object level", "another customer's order (REST, gRPC): 404");
    String order = "/api/v1/orders/" + alice.orderId();
    String status = node.expect(200, GET, order, alice.accessToken(), null).getString("status");
    check.status(node.call(GET, order, bob, null), 404, "Bob reading Alice's order");
    check.status(node.call(POST, order + "/cancel", bob, new JsonObject().put("reason", "mine now")), 404,
        "Bob cancelling Alice's order");
    for (String list : new String[] {"/api/v1/orders", "/api/v1/orders?customerId=" + alice.accountId()}) {
      HttpResponse<Buffer> page = node.call(GET, list, bob, null);
      check.expect(page.statusCode() < 500 && !page.bodyAsString().contains(alice.orderId()),
          "Bob's " + list + " showed Alice's order: " + page.statusCode());
    }
    grpcStatus(check, "emporium.ordering.v1.OrderService/GetOrder",
        GetOrderRequest.newBuilder().setOrderId(alice.orderId()).build());
    grpcStatus(check, "emporium.ordering.v1.OrderService/CancelOrder",
        CancelOrderRequest.newBuilder().setOrderId(alice.orderId()).build());
    GrpcProbe.Answer list = grpc.call("emporium.ordering.v1.OrderService/ListOrders", bob,
        ListOrdersRequest.newBuilder().setCustomerId(alice.accountId()).build());
    check.expect(!list.body().toString(StandardCharsets.ISO_8859_1).contains(alice.orderId()),
        "Bob's ListOrders for Alice's id showed her order (" + list.status() + ")");
    check.expect(status.equals(node.expect(200, GET, order, alice.accessToken(), null).getString("status")),
        "Alice's order changed status");
    return check;
  }

  Check payments() {
    Check check = new Check("API1 object level", "another customer's payment (REST, gRPC): 404");
    String payment = "/api/v1/payments/" + alice.paymentId();
    node.expect(200, GET, payment, alice.accessToken(), null);
    check.status(node.call(GET, payment, bob, null), 404, "Bob reading Alice's payment");
    grpcStatus(check, "emporium.payment.v1.PaymentService/GetPayment",
        GetPaymentRequest.newBuilder().setPaymentId(alice.paymentId()).build());
    return check;
  }

  Check addresses() {
    Check check = new Check("API1 object level", "another customer's address (REST, gRPC): 404");
    String address = "/api/v1/me/addresses/" + alice.addressId();
    List<String> before = addresses(alice);
    JsonObject input = new JsonObject().put("name", "Bob").put("line1", "2 Thief Lane").put("city", "Oslo")
        .put("postalCode", "0150").put("country", "NO");
    check.status(node.call(PUT, address, bob, input), 404, "Bob replacing Alice's address");
    check.status(node.call(DELETE, address, bob, null), 404, "Bob deleting Alice's address");
    AddressInput grpcInput = AddressInput.newBuilder().setName("Bob").setLine1("2 Thief Lane").setCity("Oslo")
        .setPostalCode("0150").setCountry("NO").build();
    grpcStatus(check, "emporium.customer.v1.CustomerService/ReplaceAddress", ReplaceAddressRequest.newBuilder()
        .setAddressId(alice.addressId()).setAddress(grpcInput).build());
    grpcStatus(check, "emporium.customer.v1.CustomerService/DeleteAddress",
        DeleteAddressRequest.newBuilder().setAddressId(alice.addressId()).build());
    GrpcProbe.Answer bobs = grpc.call("emporium.customer.v1.CustomerService/ListAddresses", bob,
        ListAddressesRequest.getDefaultInstance());
    check.expect(bobs.status() == GrpcStatus.OK && !bobs.body().toString(StandardCharsets.ISO_8859_1)
        .contains(alice.addressId()), "Bob's address list showed Alice's address (" + bobs.status() + ")");
    List<String> mine = addresses(alice);
    List<String> gone = before.stream().filter(a -> !mine.contains(a)).toList();
    List<String> added = mine.stream().filter(a -> !before.contains(a)).toList();
    check.expect(gone.isEmpty() && added.isEmpty(), "Alice's addresses changed: gone " + gone + ", new " + added);
    return check;
  }

  /** Alice's addresses, without which is the default (read through the profile cache, not the point here). */
  private List<String> addresses(Shopper owner) {
    return node.expect(200, GET, "/api/v1/me/addresses?limit=100", owner.accessToken(), null).getJsonArray("items")
        .stream().map(item -> {
          JsonObject address = ((JsonObject) item).copy();
          address.remove("isDefault");
          address.remove("isDefaultBilling");
          return address.encode();
        }).sorted().toList();
  }

  /** Bob's call of {@code method} on Alice's object must end NOT_FOUND. */
  private void grpcStatus(Check check, String method, com.google.protobuf.MessageLite message) {
    GrpcProbe.Answer answer = grpc.call(method, bob, message);
    check.expect(answer.status() == GrpcStatus.NOT_FOUND, "Bob's " + method + " on Alice's object ended "
        + answer.status() + " " + answer.message());
  }
}
