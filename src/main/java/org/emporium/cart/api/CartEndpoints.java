package org.emporium.cart.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.emporium.cart.application.ChangingCarts;
import org.emporium.cart.application.CheckingOut;
import org.emporium.cart.application.MergingCarts;
import org.emporium.cart.application.OpeningCarts;
import org.emporium.cart.domain.Caller;
import org.emporium.cart.domain.Cart;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.eventbus.ForwardedReply;
import org.emporium.platform.eventbus.ForwardedRequest;

import java.util.UUID;

/**
 * The operations behind the {@code cart.*} addresses. Forwarded ones (REST and gRPC) take the
 * caller from the envelope: a signed-in customer whose roles grant {@code cart:own}, and the
 * {@code X-Cart-Token} header. Internal ones (checkout) take plain JSON.
 */
final class CartEndpoints {

  private final OpeningCarts opening;
  private final ChangingCarts changing;
  private final MergingCarts merging;
  private final CheckingOut checkingOut;

  CartEndpoints(OpeningCarts opening, ChangingCarts changing, MergingCarts merging, CheckingOut checkingOut) {
    this.opening = opening;
    this.changing = changing;
    this.merging = merging;
    this.checkingOut = checkingOut;
  }

  Future<JsonObject> create(ForwardedRequest request) {
    Principal customer = CartRequests.customer(request);
    CartRequests in = CartRequests.of(request.body());
    String currency = in.currency("currency");
    in.done();
    return opening.open(customer, currency).map(opened -> opened.created()
        ? ForwardedReply.created(CartJson.opened(opened), "/api/v1/carts/" + opened.cart().id())
        : ForwardedReply.ok(CartJson.opened(opened)));
  }

  Future<JsonObject> get(ForwardedRequest request) {
    return reply(changing.read(CartRequests.cartId(request), CartRequests.caller(request)));
  }

  Future<JsonObject> addItem(ForwardedRequest request) {
    UUID id = CartRequests.cartId(request);
    Caller caller = CartRequests.caller(request);
    CartRequests in = CartRequests.of(request.body());
    String sku = in.string("sku", true);
    Long quantity = in.integer("quantity");
    in.done();
    return reply(changing.addItem(id, caller, sku, quantity));
  }

  Future<JsonObject> setQuantity(ForwardedRequest request) {
    UUID id = CartRequests.cartId(request);
    Caller caller = CartRequests.caller(request);
    CartRequests in = CartRequests.of(request.body());
    Long quantity = in.integer("quantity");
    in.done();
    return reply(changing.setQuantity(id, caller, request.path("sku"), quantity));
  }

  Future<JsonObject> removeItem(ForwardedRequest request) {
    return reply(changing.removeItem(CartRequests.cartId(request), CartRequests.caller(request), request.path("sku")));
  }

  Future<JsonObject> clear(ForwardedRequest request) {
    return reply(changing.clear(CartRequests.cartId(request), CartRequests.caller(request)));
  }

  Future<JsonObject> applyCoupon(ForwardedRequest request) {
    UUID id = CartRequests.cartId(request);
    Caller caller = CartRequests.caller(request);
    CartRequests in = CartRequests.of(request.body());
    String code = in.string("code", true);
    in.done();
    return reply(changing.applyCoupon(id, caller, code));
  }

  Future<JsonObject> removeCoupon(ForwardedRequest request) {
    return reply(changing.removeCoupon(CartRequests.cartId(request), CartRequests.caller(request),
        request.path("code")));
  }

  /** Needs a signed-in customer; the guest cart is proven by its token. */
  Future<JsonObject> merge(ForwardedRequest request) {
    request.requirePermission(CartRequests.OWN);
    return reply(merging.merge(CartRequests.cartId(request), CartRequests.caller(request)));
  }

  /** {@code {cartId, customerId?, cartToken?}}: the cart for checkout, its copy saved first. */
  Future<JsonObject> checkoutView(JsonObject body) {
    CartRequests in = CartRequests.of(body);
    UUID id = in.uuid("cartId", true);
    UUID customer = in.uuid("customerId", false);
    String token = in.string("cartToken", false);
    in.done();
    return checkingOut.view(id, CartRequests.caller(customer, token)).map(CartJson::checkoutView);
  }

  /** {@code {cartId, orderId, version}}: the ordered lines leave the cart; once per order. */
  Future<JsonObject> checkedOut(JsonObject body) {
    CartRequests in = CartRequests.of(body);
    UUID id = in.uuid("cartId", true);
    UUID order = in.uuid("orderId", true);
    Long version = in.integer("version");
    in.done();
    return checkingOut.checkedOut(id, order, version).map(cart -> new JsonObject());
  }

  private static Future<JsonObject> reply(Future<Cart> cart) {
    return cart.map(c -> ForwardedReply.ok(CartJson.cart(c)));
  }
}
