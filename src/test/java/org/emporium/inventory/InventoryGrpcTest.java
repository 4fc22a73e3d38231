package org.emporium.inventory;

import io.vertx.core.Future;
import io.vertx.grpc.client.InvalidStatusException;
import io.vertx.grpc.common.GrpcStatus;
import org.emporium.edge.grpc.inventory.v1.CommitRequest;
import org.emporium.edge.grpc.inventory.v1.GetAvailabilityRequest;
import org.emporium.edge.grpc.inventory.v1.InventoryServiceGrpcClient;
import org.emporium.edge.grpc.inventory.v1.Line;
import org.emporium.edge.grpc.inventory.v1.ReleaseRequest;
import org.emporium.edge.grpc.inventory.v1.Reservation;
import org.emporium.edge.grpc.inventory.v1.ReserveRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.inventory.InventoryNodes.newSku;

/** {@code emporium.inventory.v1.InventoryService} on the edge: same rules and permission as REST. */
class InventoryGrpcTest {

  static InventoryNodes nodes;
  static EdgeClients edge;

  @BeforeAll
  static void start() {
    nodes = InventoryNodes.get();
    edge = new EdgeClients(nodes.second.httpPort());
  }

  @AfterAll
  static void stop() throws Exception {
    edge.close();
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

  private static ReserveRequest reserve(String id, String sku, int quantity) {
    return ReserveRequest.newBuilder().setReservationId(id).setReference("checkout-grpc")
        .addLines(Line.newBuilder().setSku(sku).setQuantity(quantity)).build();
  }

  @Test
  void anAdminReservesCommitsAndReleasesAndReadsAvailability() throws Exception {
    String sku = newSku();
    nodes.receive(sku, 10);
    InventoryServiceGrpcClient admin = edge.grpc(edge.adminToken);
    String id = UUID.randomUUID().toString();
    Reservation held = await(admin.reserve(reserve(id, sku, 4)));
    assertThat(held.getStatus()).isEqualTo("reserved");
    assertThat(held.getAllocationsList()).hasSize(1);
    assertThat(await(admin.reserve(reserve(id, sku, 4))).getStatus()).isEqualTo("reserved");
    assertThat(await(admin.getAvailability(GetAvailabilityRequest.newBuilder().addSkus(sku).addSkus("NO-SUCH-SKU")
        .build())).getItemsList()).extracting(i -> i.getSku() + "=" + i.getAvailable())
        .containsExactly(sku + "=6", "NO-SUCH-SKU=0");
    assertThat(await(admin.commit(CommitRequest.newBuilder().setReservationId(id).build())).getStatus())
        .isEqualTo("committed");
    assertThat(status(admin.release(ReleaseRequest.newBuilder().setReservationId(id).build())))
        .isEqualTo(GrpcStatus.ABORTED);

    String other = UUID.randomUUID().toString();
    await(admin.reserve(reserve(other, sku, 6)));
    assertThat(await(admin.release(ReleaseRequest.newBuilder().setReservationId(other).build())).getStatus())
        .isEqualTo("released");
    assertThat(nodes.number("SELECT on_hand FROM inventory.stock WHERE sku = $1", sku)).isEqualTo(6);
    assertThat(nodes.number("SELECT reserved FROM inventory.stock WHERE sku = $1", sku)).isZero();
  }

  @Test
  void refusalsAreStatusesAndChangeNothing() {
    String sku = newSku();
    nodes.receive(sku, 2);
    InventoryServiceGrpcClient admin = edge.grpc(edge.adminToken);
    assertThat(status(edge.grpc(edge.customerToken).reserve(reserve(UUID.randomUUID().toString(), sku, 1))))
        .isEqualTo(GrpcStatus.PERMISSION_DENIED);
    assertThat(status(edge.grpc("not-a-token").reserve(reserve(UUID.randomUUID().toString(), sku, 1))))
        .isEqualTo(GrpcStatus.UNAUTHENTICATED);
    assertThat(status(admin.reserve(reserve(UUID.randomUUID().toString(), sku, 0)))).isEqualTo(GrpcStatus.INVALID_ARGUMENT);
    assertThat(status(admin.reserve(reserve("not-a-uuid", sku, 1)))).isEqualTo(GrpcStatus.INVALID_ARGUMENT);
    assertThat(status(admin.reserve(reserve(UUID.randomUUID().toString(), sku, 3)))).isEqualTo(GrpcStatus.ABORTED);
    assertThat(status(admin.reserve(reserve(UUID.randomUUID().toString(), newSku(), 1)))).isEqualTo(GrpcStatus.NOT_FOUND);
    assertThat(status(admin.commit(CommitRequest.newBuilder().setReservationId(UUID.randomUUID().toString()).build())))
        .isEqualTo(GrpcStatus.NOT_FOUND);
    assertThat(nodes.number("SELECT reserved FROM inventory.stock WHERE sku = $1", sku)).isZero();
  }
}
