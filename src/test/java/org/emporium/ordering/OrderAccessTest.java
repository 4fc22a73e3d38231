package org.emporium.ordering;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.grpc.client.InvalidStatusException;
import io.vertx.grpc.common.GrpcStatus;
import org.emporium.edge.grpc.ordering.v1.CancelOrderRequest;
import org.emporium.edge.grpc.ordering.v1.GetOrderRequest;
import org.emporium.edge.grpc.ordering.v1.ListOrdersRequest;
import org.emporium.edge.grpc.ordering.v1.Order;
import org.emporium.edge.grpc.ordering.v1.OrderPage;
import org.emporium.edge.grpc.ordering.v1.OrderServiceGrpcClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.ordering.OrderNode.placement;

/** Who sees and changes which orders, over REST and gRPC: own orders only (others are 404), admins filter all. */
class OrderAccessTest {

  static OrderNode node;
  static OrderEdge edge;

  @BeforeAll
  static void start() {
    node = OrderNode.get();
    edge = new OrderEdge(node.node.httpPort());
  }

  @AfterAll
  static void stop() throws Exception {
    edge.close();
  }

  private static String place(UUID customer) {
    return node.call("ordering.place", placement(UUID.randomUUID(), customer, null, "SKU-L", 1)).getString("orderId");
  }

  private static List<String> ids(JsonObject page) {
    List<String> ids = new ArrayList<>();
    page.getJsonArray("items").forEach(item -> ids.add(((JsonObject) item).getString("orderId")));
    return ids;
  }

  @Test
  void aCustomerPagesThroughOnlyTheirOwnOrdersNewestFirst() {
    OrderEdge.Customer alice = edge.customer();
    OrderEdge.Customer bob = edge.customer();
    List<String> placed = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      placed.add(0, place(alice.id()));
    }
    String bobs = place(bob.id());

    List<String> seen = new ArrayList<>();
    String path = "/api/v1/orders?limit=2";
    int pages = 0;
    while (path != null) {
      JsonObject page = edge.expect(200, HttpMethod.GET, path, alice.token(), null);
      assertThat(page.getJsonArray("items").size()).isLessThanOrEqualTo(2);
      assertThat(page.getJsonArray("items").getJsonObject(0).containsKey("lines")).isFalse();
      seen.addAll(ids(page));
      pages++;
      path = page.getString("nextCursor") == null ? null : "/api/v1/orders?limit=2&cursor=" + page.getString("nextCursor");
    }
    assertThat(seen).containsExactlyElementsOf(placed);
    assertThat(pages).isEqualTo(3);

    JsonObject own = edge.expect(200, HttpMethod.GET, "/api/v1/orders/" + placed.get(0), alice.token(), null);
    assertThat(own.getJsonArray("lines")).hasSize(1);
    edge.expect(404, HttpMethod.GET, "/api/v1/orders/" + bobs, alice.token(), null);
    edge.expect(404, HttpMethod.POST, "/api/v1/orders/" + bobs + "/cancel", alice.token(), null);
    assertThat(edge.expect(200, HttpMethod.GET, "/api/v1/orders/" + bobs, bob.token(), null).getString("status"))
        .isEqualTo("pending");
    assertThat(ids(edge.expect(200, HttpMethod.GET, "/api/v1/orders?customerId=" + bob.id(), alice.token(), null)))
        .containsExactlyElementsOf(placed.subList(0, 5));
    edge.expect(403, HttpMethod.POST, "/api/v1/orders/" + bobs + "/transitions", bob.token(),
        new JsonObject().put("status", "shipped"));
    edge.expect(400, HttpMethod.GET, "/api/v1/orders?cursor=garbage", alice.token(), null);
  }

  @Test
  void anAdminFiltersAllOrdersAndMovesThemOn() {
    OrderEdge.Customer carol = edge.customer();
    String pending = place(carol.id());
    String paid = node.paidOrder(carol.id()).getString("orderId");
    String path = "/api/v1/orders?customerId=" + carol.id();
    assertThat(ids(edge.expect(200, HttpMethod.GET, path, edge.adminToken, null))).containsExactly(paid, pending);
    assertThat(ids(edge.expect(200, HttpMethod.GET, path + "&status=paid", edge.adminToken, null)))
        .containsExactly(paid);
    JsonObject first = edge.expect(200, HttpMethod.GET, "/api/v1/orders/" + pending, edge.adminToken, null);
    String createdAt = first.getString("createdAt");
    assertThat(ids(edge.expect(200, HttpMethod.GET, path + "&to=" + createdAt, edge.adminToken, null))).isEmpty();
    assertThat(ids(edge.expect(200, HttpMethod.GET, path + "&from=" + createdAt, edge.adminToken, null)))
        .containsExactly(paid, pending);

    for (String status : List.of("fulfilling", "shipped", "delivered")) {
      assertThat(edge.expect(200, HttpMethod.POST, "/api/v1/orders/" + paid + "/transitions", edge.adminToken,
          new JsonObject().put("status", status)).getString("status")).isEqualTo(status);
    }
    JsonObject refused = edge.expect(409, HttpMethod.POST, "/api/v1/orders/" + pending + "/transitions",
        edge.adminToken, new JsonObject().put("status", "delivered"));
    assertThat(refused.getString("detail")).isEqualTo("The order is pending; it cannot become delivered.");
    edge.expect(400, HttpMethod.POST, "/api/v1/orders/" + pending + "/transitions", edge.adminToken,
        new JsonObject().put("status", "refunded"));
    JsonArray history = edge.expect(200, HttpMethod.GET, "/api/v1/orders/" + paid, carol.token(), null)
        .getJsonArray("history");
    assertThat(history).hasSize(5);
    assertThat(edge.expect(200, HttpMethod.GET, "/api/v1/orders/" + pending, carol.token(), null)
        .getJsonArray("history")).hasSize(1);
  }

  private static <T> T await(Future<T> call) throws Exception {
    return call.await(30, TimeUnit.SECONDS);
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

  @Test
  void grpcListsGetsAndCancelsLikeRest() throws Exception {
    OrderEdge.Customer dave = edge.customer();
    OrderEdge.Customer erin = edge.customer();
    String first = place(dave.id());
    String second = place(dave.id());
    String erins = place(erin.id());
    OrderServiceGrpcClient client = edge.grpc(dave.token());

    OrderPage page = await(client.listOrders(ListOrdersRequest.newBuilder().setLimit(1).build()));
    assertThat(page.getItemsList()).extracting(Order::getOrderId).containsExactly(second);
    OrderPage next = await(client.listOrders(ListOrdersRequest.newBuilder().setLimit(1)
        .setCursor(page.getNextCursor()).build()));
    assertThat(next.getItemsList()).extracting(Order::getOrderId).containsExactly(first);

    Order order = await(client.getOrder(GetOrderRequest.newBuilder().setOrderId(first).build()));
    assertThat(order.getLinesList()).hasSize(1);
    assertThat(order.getTotal().getAmount()).isEqualTo(1250 - 100 + 490);
    assertThat(order.getCouponCodesList()).containsExactly("TENOFF");
    assertThat(status(client.getOrder(GetOrderRequest.newBuilder().setOrderId(erins).build())))
        .isEqualTo(GrpcStatus.NOT_FOUND);

    Order cancelled = await(client.cancelOrder(CancelOrderRequest.newBuilder().setOrderId(first).setReason("oops")
        .build()));
    assertThat(cancelled.getStatus()).isEqualTo("cancelled");
    assertThat(cancelled.getHistoryList()).extracting(t -> t.getReason()).containsExactly("placed", "oops");
    assertThat(status(client.cancelOrder(CancelOrderRequest.newBuilder().setOrderId(erins).build())))
        .isEqualTo(GrpcStatus.NOT_FOUND);
    assertThat(status(edge.grpc(null).getOrder(GetOrderRequest.newBuilder().setOrderId(first).build())))
        .isEqualTo(GrpcStatus.UNAUTHENTICATED);
  }
}
