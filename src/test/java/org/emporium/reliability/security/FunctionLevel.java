package org.emporium.reliability.security;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.grpc.common.GrpcStatus;
import org.emporium.edge.grpc.customer.v1.GetCustomerRequest;
import org.emporium.edge.grpc.inventory.v1.CommitRequest;
import org.emporium.edge.grpc.inventory.v1.Line;
import org.emporium.edge.grpc.inventory.v1.ReleaseRequest;
import org.emporium.edge.grpc.inventory.v1.ReserveRequest;
import org.emporium.edge.grpc.payment.v1.RefundRequest;
import org.emporium.reliability.hostile.Contract;
import org.emporium.reliability.hostile.HostileNode;
import org.emporium.reliability.hostile.Persona;
import org.emporium.reliability.hostile.World;

import java.util.UUID;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;

/**
 * API5, broken function level authorization: a customer on every admin operation of the contract
 * gets 403, nobody on every operation that needs a token gets 401, a customer on the admin gRPC
 * methods gets PERMISSION_DENIED, and a seller cannot change another shop's product.
 */
final class FunctionLevel {

  private final HostileNode node;
  private final GrpcProbe grpc;
  private final World world;

  FunctionLevel(HostileNode node, GrpcProbe grpc) {
    this.node = node;
    this.grpc = grpc;
    this.world = node.world();
  }

  Check restOperations() {
    Check check = new Check("API5 function level", "admin REST operations as a customer: 403; protected ones as nobody: 401");
    int admin = 0;
    int protectedOps = 0;
    for (Contract.Operation op : Contract.load().operations()) {
      if (op.local()) {
        continue;
      }
      String uri = op.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
      HttpMethod method = HttpMethod.valueOf(op.method().toUpperCase());
      JsonObject body = op.body() == null ? null : new JsonObject();
      if (op.persona() == Persona.ADMIN) {
        admin++;
        HttpResponse<Buffer> response = send(method, uri, world.alice().accessToken(), body);
        check.expect(response.statusCode() == 403, "a customer on " + op + " got " + response.statusCode());
      }
      if (op.bearerOnly()) {
        protectedOps++;
        HttpResponse<Buffer> response = send(method, uri, null, body);
        check.expect(response.statusCode() == 401, "nobody on " + op + " got " + response.statusCode());
      }
    }
    return check.figure("adminOperations", admin).figure("protectedOperations", protectedOps);
  }

  private HttpResponse<Buffer> send(HttpMethod method, String uri, String token, JsonObject body) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Idempotency-Key", UUID.randomUUID().toString());
    return node.call(method, uri, token, body, headers);
  }

  Check grpcMethods() {
    Check check = new Check("API5 function level", "admin gRPC methods as a customer: PERMISSION_DENIED");
    String alice = world.alice().accessToken();
    String reservation = UUID.randomUUID().toString();
    expectDenied(check, "emporium.inventory.v1.InventoryService/Reserve", alice, ReserveRequest.newBuilder()
        .setReservationId(reservation).setReference("steal").addLines(Line.newBuilder().setSku(world.sku())
            .setQuantity(5)).build());
    expectDenied(check, "emporium.inventory.v1.InventoryService/Commit", alice,
        CommitRequest.newBuilder().setReservationId(reservation).build());
    expectDenied(check, "emporium.inventory.v1.InventoryService/Release", alice,
        ReleaseRequest.newBuilder().setReservationId(reservation).build());
    expectDenied(check, "emporium.payment.v1.PaymentService/Refund", alice, RefundRequest.newBuilder()
        .setPaymentId(world.alice().paymentId()).setRefundId(UUID.randomUUID().toString()).build());
    expectDenied(check, "emporium.customer.v1.CustomerService/GetCustomer", alice,
        GetCustomerRequest.newBuilder().setCustomerId(world.bob().accountId()).build());
    return check;
  }

  private void expectDenied(Check check, String method, String token, com.google.protobuf.MessageLite message) {
    GrpcStatus status = grpc.call(method, token, message).status();
    check.expect(status == GrpcStatus.PERMISSION_DENIED, "a customer's " + method + " ended " + status);
  }

  /** A seller (catalog:write for one shop) changing a product of another shop is refused and changes nothing. */
  Check sellerScope() {
    Check check = new Check("API5 function level", "a seller on another shop's product: refused");
    String shop = node.expect(201, POST, "/api/v1/admin/shops", world.adminToken(), new JsonObject()
        .put("slug", "seller-" + UUID.randomUUID().toString().substring(0, 8)).put("name", "Seller's")).getString("id");
    String email = "seller-" + UUID.randomUUID() + "@example.com";
    String account = node.expect(201, POST, "/api/v1/auth/register", null, new JsonObject().put("email", email)
        .put("password", World.PASSWORD).put("name", "Seller")).getString("customerId");
    node.expect(200, PUT, "/api/v1/admin/accounts/" + account + "/roles/seller", world.adminToken(),
        new JsonObject().put("shopId", shop));
    String seller = node.expect(200, POST, "/api/v1/auth/login", null, new JsonObject().put("email", email)
        .put("password", World.PASSWORD)).getString("access_token");
    String product = "/api/v1/products/" + world.productId();
    JsonObject before = node.expect(200, GET, product, null, null);
    HttpResponse<Buffer> patch = node.call(HttpMethod.PATCH, product, seller, new JsonObject().put("title", "Mine now"));
    check.expect(patch.statusCode() == 403 || patch.statusCode() == 404, "a seller's change of another shop's "
        + "product answered " + patch.statusCode());
    HttpResponse<Buffer> delete = node.call(HttpMethod.DELETE, product, seller, null);
    check.expect(delete.statusCode() == 403 || delete.statusCode() == 404, "a seller's delete of another shop's "
        + "product answered " + delete.statusCode());
    check.status(node.call(PUT, "/api/v1/admin/accounts/" + account + "/roles/admin", seller, new JsonObject()), 403,
        "a seller granting themself admin");
    JsonObject after = node.expect(200, GET, product, null, null);
    check.expect(after.getString("title").equals(before.getString("title")) && after.getValue("version")
        .equals(before.getValue("version")), "the product changed");
    return check;
  }
}
