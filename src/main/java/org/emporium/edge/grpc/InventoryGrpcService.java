package org.emporium.edge.grpc;

import com.google.protobuf.Descriptors;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.grpc.common.ServiceName;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.Service;
import org.emporium.edge.auth.Authenticator;
import org.emporium.edge.grpc.ForwardedCalls.Forward;
import org.emporium.edge.grpc.inventory.v1.InventoryServiceGrpcService;

/**
 * gRPC {@code emporium.inventory.v1.InventoryService}: each method forwards to the inventory
 * context like the REST reservation operations (same envelope, permission {@code inventory:reserve}).
 */
public final class InventoryGrpcService implements Service {

  private static final String RESERVE = "inventory:reserve";

  private final ForwardedCalls calls;

  public InventoryGrpcService(Vertx vertx, Authenticator authenticator, long timeoutMs) {
    this.calls = new ForwardedCalls(vertx, authenticator, timeoutMs);
  }

  @Override
  public ServiceName name() {
    return InventoryServiceGrpcService.SERVICE_NAME;
  }

  @Override
  public Descriptors.ServiceDescriptor descriptor() {
    return InventoryServiceGrpcService.SERVICE_DESCRIPTOR;
  }

  @Override
  public void bind(GrpcServer server) {
    server.callHandler(InventoryServiceGrpcService.Reserve, calls.unary("reserveStock", "inventory.reserveStock", RESERVE,
        request -> Forward.body(InventoryMessages.reserve(request)), InventoryMessages::reservation));
    server.callHandler(InventoryServiceGrpcService.Commit, calls.unary("commitReservation",
        "inventory.commitReservation", RESERVE, request -> Forward.path("reservationId", request.getReservationId()),
        InventoryMessages::reservation));
    server.callHandler(InventoryServiceGrpcService.Release, calls.unary("releaseReservation",
        "inventory.releaseReservation", RESERVE, request -> Forward.path("reservationId", request.getReservationId()),
        InventoryMessages::reservation));
    server.callHandler(InventoryServiceGrpcService.GetAvailability, calls.unary("checkAvailability",
        "inventory.checkAvailability", RESERVE, request -> Forward.body(InventoryMessages.availability(request)),
        (JsonObject reply) -> InventoryMessages.availability(reply)));
  }
}
