package org.emporium.edge.grpc;

import com.google.protobuf.Descriptors;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.grpc.common.ServiceName;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.Service;
import org.emporium.edge.auth.Authenticator;
import org.emporium.edge.grpc.ForwardedCalls.Forward;
import org.emporium.edge.grpc.cart.v1.CartServiceGrpcService;

import java.util.List;

/**
 * gRPC {@code emporium.cart.v1.CartService}: each method forwards to the cart context like its REST
 * operation (same address, envelope and rules). The access token is optional except for
 * {@code MergeCart}; a guest's {@code x-cart-token} metadata travels as the REST header does.
 */
public final class CartGrpcService implements Service {

  private static final List<String> TOKEN = List.of("x-cart-token");

  private final ForwardedCalls calls;

  public CartGrpcService(Vertx vertx, Authenticator authenticator, long timeoutMs) {
    this.calls = new ForwardedCalls(vertx, authenticator, timeoutMs);
  }

  @Override
  public ServiceName name() {
    return CartServiceGrpcService.SERVICE_NAME;
  }

  @Override
  public Descriptors.ServiceDescriptor descriptor() {
    return CartServiceGrpcService.SERVICE_DESCRIPTOR;
  }

  @Override
  public void bind(GrpcServer server) {
    server.callHandler(CartServiceGrpcService.CreateCart, calls.unary("createCart", "cart.create", null, TOKEN,
        request -> Forward.body(request.hasCurrency() ? new JsonObject().put("currency", request.getCurrency())
            : new JsonObject()), CartMessages::created));
    server.callHandler(CartServiceGrpcService.GetCart, calls.unary("getCart", "cart.get", null, TOKEN,
        request -> cart(request.getCartId()), CartMessages::cart));
    server.callHandler(CartServiceGrpcService.AddItem, calls.unary("addCartItem", "cart.addItem", null, TOKEN,
        request -> cart(request.getCartId()).withBody(new JsonObject().put("sku", request.getSku())
            .put("quantity", request.getQuantity())), CartMessages::cart));
    server.callHandler(CartServiceGrpcService.SetQuantity, calls.unary("setCartItemQuantity", "cart.setQuantity", null,
        TOKEN, request -> item(request.getCartId(), request.getSku())
            .withBody(new JsonObject().put("quantity", request.getQuantity())), CartMessages::cart));
    server.callHandler(CartServiceGrpcService.RemoveItem, calls.unary("removeCartItem", "cart.removeItem", null, TOKEN,
        request -> item(request.getCartId(), request.getSku()), CartMessages::cart));
    server.callHandler(CartServiceGrpcService.ClearCart, calls.unary("clearCart", "cart.clear", null, TOKEN,
        request -> cart(request.getCartId()), CartMessages::cart));
    server.callHandler(CartServiceGrpcService.ApplyCoupon, calls.unary("applyCartCoupon", "cart.applyCoupon", null,
        TOKEN, request -> cart(request.getCartId()).withBody(new JsonObject().put("code", request.getCode())),
        CartMessages::cart));
    server.callHandler(CartServiceGrpcService.RemoveCoupon, calls.unary("removeCartCoupon", "cart.removeCoupon", null,
        TOKEN, request -> new Forward(new JsonObject().put("cartId", request.getCartId()).put("code", request.getCode()),
            new JsonObject(), null), CartMessages::cart));
    server.callHandler(CartServiceGrpcService.MergeCart, calls.unary("mergeCart", "cart.merge", "cart:own", TOKEN,
        request -> cart(request.getCartId()), CartMessages::cart));
  }

  private static Forward cart(String cartId) {
    return Forward.path("cartId", cartId);
  }

  private static Forward item(String cartId, String sku) {
    return new Forward(new JsonObject().put("cartId", cartId).put("sku", sku), new JsonObject(), null);
  }
}
