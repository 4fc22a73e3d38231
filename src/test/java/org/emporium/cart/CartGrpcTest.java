package org.emporium.cart;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.InvalidStatusException;
import io.vertx.grpc.common.GrpcStatus;
import org.emporium.edge.grpc.cart.v1.Cart;
import org.emporium.edge.grpc.cart.v1.CartCreated;
import org.emporium.edge.grpc.cart.v1.CartRef;
import org.emporium.edge.grpc.cart.v1.CartServiceGrpcClient;
import org.emporium.edge.grpc.cart.v1.CouponRequest;
import org.emporium.edge.grpc.cart.v1.CreateCartRequest;
import org.emporium.edge.grpc.cart.v1.ItemRef;
import org.emporium.edge.grpc.cart.v1.LineRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code emporium.cart.v1.CartService} on the edge: the same operations and access rules as REST. */
class CartGrpcTest {

  private static CartNode node;
  private static GrpcClient grpc;
  private static String sku;

  @BeforeAll
  static void start() {
    node = CartNode.shared();
    grpc = GrpcClient.client(node.vertx(), new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
        .setHttp2ClearTextUpgrade(false));
    sku = node.newSku(true);
  }

  @AfterAll
  static void stop() {
    CartNode.await(grpc.close());
  }

  @Test
  void aGuestUsesACartWithItsTokenInTheMetadata() {
    CartCreated created = await(client(null, null).createCart(CreateCartRequest.newBuilder().setCurrency("EUR").build()));
    assertThat(created.hasCartToken()).isTrue();
    String id = created.getCartId();
    CartServiceGrpcClient guest = client(null, created.getCartToken());
    Cart cart = await(guest.addItem(line(id, sku, 2)));
    assertThat(cart.getLinesList()).hasSize(1);
    assertThat(cart.getSubtotal().getAmount()).isEqualTo(1800);
    assertThat(cart.getSubtotal().getCurrency()).isEqualTo("EUR");
    assertThat(await(guest.setQuantity(line(id, sku, 5))).getItemCount()).isEqualTo(5);
    assertThat(await(guest.getCart(ref(id))).getLines(0).getUnitPrice().getAmount()).isEqualTo(900);
    assertThat(await(guest.removeItem(ItemRef.newBuilder().setCartId(id).setSku(sku).build())).getLinesCount()).isZero();
    await(guest.addItem(line(id, sku, 1)));
    assertThat(await(guest.clearCart(ref(id))).getItemCount()).isZero();
    assertThat(status(guest.applyCoupon(CouponRequest.newBuilder().setCartId(id).setCode("SAVE10").build())))
        .as("no pricing context answers coupon checks on this node").isEqualTo(GrpcStatus.UNAVAILABLE);
    assertThat(await(guest.removeCoupon(CouponRequest.newBuilder().setCartId(id).setCode("SAVE10").build()))
        .getCouponCodesCount()).isZero();

    CartServiceGrpcClient stranger = client(null, await(client(null, null)
        .createCart(CreateCartRequest.getDefaultInstance())).getCartToken());
    assertThat(status(stranger.getCart(ref(id)))).isEqualTo(GrpcStatus.NOT_FOUND);
    assertThat(status(stranger.addItem(line(id, sku, 1)))).isEqualTo(GrpcStatus.NOT_FOUND);
    assertThat(status(guest.addItem(line(id, sku, 0)))).isEqualTo(GrpcStatus.INVALID_ARGUMENT);
    assertThat(status(guest.addItem(line(id, sku, 1000)))).isEqualTo(GrpcStatus.INVALID_ARGUMENT);
    assertThat(status(guest.addItem(line(id, "NO-SUCH-SKU", 1)))).isEqualTo(GrpcStatus.FAILED_PRECONDITION);
    assertThat(status(guest.getCart(ref("not-a-uuid")))).isEqualTo(GrpcStatus.INVALID_ARGUMENT);
    assertThat(status(client(null, "bad token").getCart(ref(id)))).isEqualTo(GrpcStatus.INVALID_ARGUMENT);
  }

  @Test
  void aCustomerCartAndAMergeNeedTheAccessToken() {
    String alice = node.customer();
    CartServiceGrpcClient customer = client(alice, null);
    CartCreated own = await(customer.createCart(CreateCartRequest.getDefaultInstance()));
    assertThat(own.hasCartToken()).isFalse();
    assertThat(await(customer.createCart(CreateCartRequest.getDefaultInstance())).getCartId()).isEqualTo(own.getCartId());
    await(customer.addItem(line(own.getCartId(), sku, 1)));

    CartCreated guest = await(client(null, null).createCart(CreateCartRequest.getDefaultInstance()));
    await(client(null, guest.getCartToken()).addItem(line(guest.getCartId(), sku, 2)));
    assertThat(status(client(null, guest.getCartToken()).mergeCart(ref(guest.getCartId()))))
        .isEqualTo(GrpcStatus.UNAUTHENTICATED);
    Cart merged = await(client(alice, guest.getCartToken()).mergeCart(ref(guest.getCartId())));
    assertThat(merged.getCartId()).isEqualTo(own.getCartId());
    assertThat(merged.getLines(0).getQuantity()).isEqualTo(3);
    assertThat(status(client(node.customer(), null).getCart(ref(own.getCartId())))).isEqualTo(GrpcStatus.NOT_FOUND);
  }

  private static CartServiceGrpcClient client(String bearer, String cartToken) {
    Map<String, String> metadata = new HashMap<>();
    if (bearer != null) {
      metadata.put("authorization", "Bearer " + bearer);
    }
    if (cartToken != null) {
      metadata.put("x-cart-token", cartToken);
    }
    return CartServiceGrpcClient.create(new MetadataGrpcClient(grpc, metadata),
        SocketAddress.inetSocketAddress(node.node.httpPort(), "127.0.0.1"));
  }

  private static CartRef ref(String id) {
    return CartRef.newBuilder().setCartId(id).build();
  }

  private static LineRequest line(String id, String sku, int quantity) {
    return LineRequest.newBuilder().setCartId(id).setSku(sku).setQuantity(quantity).build();
  }

  private static <T> T await(Future<T> call) {
    try {
      return call.await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static GrpcStatus status(Future<?> call) {
    try {
      call.await(30, TimeUnit.SECONDS);
      return GrpcStatus.OK;
    } catch (InvalidStatusException e) {
      return e.actualStatus();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
