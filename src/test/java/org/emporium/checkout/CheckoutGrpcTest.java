package org.emporium.checkout;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.InvalidStatusException;
import io.vertx.grpc.common.GrpcStatus;
import org.emporium.edge.grpc.checkout.v1.Address;
import org.emporium.edge.grpc.checkout.v1.CheckoutServiceGrpcClient;
import org.emporium.edge.grpc.checkout.v1.PaymentInput;
import org.emporium.edge.grpc.checkout.v1.PlaceOrderRequest;
import org.emporium.edge.grpc.checkout.v1.PlacedOrder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code emporium.checkout.v1.CheckoutService/PlaceOrder}: the same saga and rules as REST. */
class CheckoutGrpcTest {

  private static CheckoutNode node;
  private static GrpcClient grpc;

  @BeforeAll
  static void start() {
    node = CheckoutNode.shared();
    grpc = GrpcClient.client(node.vertx(), new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
        .setHttp2ClearTextUpgrade(false));
  }

  @AfterAll
  static void stop() {
    grpc.close();
  }

  @Test
  void aGuestPlacesAnOrderOverGrpcAndARepeatIsReplayed() throws Exception {
    String sku = node.sku(3000, 4);
    JsonObject cart = node.guestCart(sku, 2);
    PlaceOrderRequest request = request(cart.getString("cartId"), UUID.randomUUID().toString(),
        CheckoutStandIns.OK_CARD);
    PlacedOrder order = call(cart.getString("cartToken"), request).await(60, TimeUnit.SECONDS);
    assertThat(order.getOrder().getStatus()).isEqualTo("paid");
    assertThat(order.getReplayed()).isFalse();
    assertThat(order.getOrder().getTotal().getAmount()).isEqualTo(6000);
    assertThat(order.getOrder().getLinesList()).extracting(line -> line.getSku()).containsExactly(sku);
    assertThat(node.stock(sku)).containsExactly(2, 0);
    assertThat(node.cart(cart).getJsonArray("lines")).isEmpty();
    PlacedOrder again = call(cart.getString("cartToken"), request).await(60, TimeUnit.SECONDS);
    assertThat(again.getReplayed()).isTrue();
    assertThat(again.getOrder().getOrderId()).isEqualTo(order.getOrder().getOrderId());
  }

  @Test
  void refusalsAreStatuses() {
    String sku = node.sku(3000, 4);
    JsonObject cart = node.guestCart(sku, 1);
    assertThat(status(call(cart.getString("cartToken"), request(cart.getString("cartId"),
        UUID.randomUUID().toString(), CheckoutStandIns.DECLINED)))).isEqualTo(GrpcStatus.FAILED_PRECONDITION);
    assertThat(status(call(cart.getString("cartToken"), request(cart.getString("cartId"), "short",
        CheckoutStandIns.OK_CARD)))).isEqualTo(GrpcStatus.INVALID_ARGUMENT);
    assertThat(status(call(null, request(cart.getString("cartId"), UUID.randomUUID().toString(),
        CheckoutStandIns.OK_CARD)))).isEqualTo(GrpcStatus.NOT_FOUND);
    assertThat(node.stock(sku)).containsExactly(4, 0);
  }

  private static PlaceOrderRequest request(String cartId, String key, String card) {
    return PlaceOrderRequest.newBuilder().setIdempotencyKey(key).setCartId(cartId).setEmail("grpc@example.com")
        .setShippingAddress(Address.newBuilder().setName("Grace").setLine1("2 Side St").setCity("Paris")
            .setPostalCode("75001").setCountry("FR"))
        .setPayment(PaymentInput.newBuilder().setMethod("card").setCardNumber(card)).build();
  }

  private static Future<PlacedOrder> call(String cartToken, PlaceOrderRequest message) {
    return grpc.request(SocketAddress.inetSocketAddress(node.node.httpPort(), "127.0.0.1"),
            CheckoutServiceGrpcClient.PlaceOrder)
        .compose(request -> {
          if (cartToken != null) {
            request.headers().set("x-cart-token", cartToken);
          }
          request.end(message);
          return request.response().compose(response -> response.last());
        });
  }

  private static GrpcStatus status(Future<?> call) {
    try {
      call.await(60, TimeUnit.SECONDS);
      return GrpcStatus.OK;
    } catch (InvalidStatusException e) {
      return e.actualStatus();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
