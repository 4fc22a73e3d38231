package org.emporium.reliability.hostile;

import io.vertx.core.http.HttpMethod;
import io.vertx.grpc.common.GrpcStatus;
import org.emporium.edge.grpc.inventory.v1.Line;
import org.emporium.edge.grpc.inventory.v1.ReserveRequest;
import org.emporium.edge.grpc.ordering.v1.GetOrderRequest;

import java.util.List;
import java.util.UUID;

/**
 * Hostile requests that once got a 5xx from the node or changed its stores, sent on every run
 * whatever the sample: each must be refused with the status named here (problem JSON on the REST
 * paths), and together they must change nothing in PostgreSQL or Redis.
 */
final class Regressions {

  /** One request: who sends it, what, and the status it must get. {@code body} is JSON text or null. */
  record Case(String why, Persona persona, HttpMethod method, String uri, String body, int status) {
  }

  static final List<Case> CASES = List.of(
      // the router called its 400 handler without a status code on the context, which wrote 500
      new Case("a path parameter that is not percent-encoding", Persona.ANONYMOUS, HttpMethod.GET,
          "/api/v1/carts/%zz", null, 400),
      new Case("a path parameter that is a lone percent sign", Persona.CUSTOMER, HttpMethod.POST,
          "/api/v1/orders/%/cancel", null, 400),
      new Case("a query that is not percent-encoding, on a path with parameters", Persona.ANONYMOUS, HttpMethod.GET,
          "/api/v1/inventory/SKU-1?q%zz=%zz", null, 400),
      // vertx-json-schema 5.0.7 throws StringIndexOutOfBoundsException on an empty string of format email
      new Case("an empty email", Persona.ANONYMOUS, HttpMethod.POST, "/api/v1/auth/register",
          "{\"email\": \"\", \"password\": \"correct horse battery\", \"name\": \"Empty\"}", 400),
      new Case("an empty email at sign-in", Persona.ANONYMOUS, HttpMethod.POST, "/api/v1/auth/login",
          "{\"email\": \"\", \"password\": \"x\"}", 400),
      // PostgreSQL cannot store U+0000 in text: the insert failed with SQLSTATE 22021 and the context answered 500
      new Case("a NUL character in a profile name", Persona.CUSTOMER, HttpMethod.PATCH, "/api/v1/me",
          "{\"name\": \"nul\\u0000byte\"}", 400),
      new Case("a NUL character in an address", Persona.CUSTOMER, HttpMethod.POST, "/api/v1/me/addresses",
          "{\"name\": \"A\", \"line1\": \"1 Main St\", \"city\": \"Ber\\u0000lin\", \"postalCode\": \"10115\", "
              + "\"country\": \"DE\"}", 400),
      // the merge looked up (and so touched: last use, dirty mark) the caller's own cart before it
      // found the guest cart missing
      new Case("a merge of a cart that does not exist", Persona.CUSTOMER, HttpMethod.POST,
          "/api/v1/carts/ffffffff-ffff-ffff-ffff-ffffffffffff/merge", null, 404),
      // SockJS answers a send that is not a JSON array with 500, as its protocol has it
      new Case("a SockJS session for the next case", Persona.ANONYMOUS, HttpMethod.POST,
          "/eventbus/7/regression-1/xhr", null, 200),
      new Case("a SockJS send that is not JSON", Persona.ANONYMOUS, HttpMethod.POST,
          "/eventbus/7/regression-1/xhr_send", "not json", 400),
      new Case("an empty SockJS send", Persona.ANONYMOUS, HttpMethod.POST, "/eventbus/7/regression-1/xhr_send", "", 400),
      // the JSONP and htmlfile transports answered a missing or odd callback with 500; they are off
      new Case("the htmlfile transport without a callback", Persona.ANONYMOUS, HttpMethod.GET,
          "/eventbus/7/regression-2/htmlfile", null, 404),
      new Case("the JSONP transport without a callback", Persona.ANONYMOUS, HttpMethod.GET,
          "/eventbus/7/regression-3/jsonp", null, 404));

  /** One gRPC call: the method's full name, who calls, the raw message bytes, and the status it must end with. */
  record Call(String why, String method, Persona persona, byte[] message, GrpcStatus status) {
  }

  static final List<Call> CALLS = List.of(
      // vertx-grpc failed the read with a CodecException (or a NullPointerException for no message), answered INTERNAL
      new Call("bytes that are no message", "emporium.cart.v1.CartService/GetCart", Persona.ANONYMOUS,
          new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f, 0x13}, GrpcStatus.INVALID_ARGUMENT),
      new Call("an end-group tag that was never opened", "emporium.ordering.v1.OrderService/GetOrder", Persona.CUSTOMER,
          new byte[] {12}, GrpcStatus.INVALID_ARGUMENT),
      new Call("a length past the end", "emporium.checkout.v1.CheckoutService/PlaceOrder", Persona.CUSTOMER,
          new byte[] {10, (byte) 200, 1, 1}, GrpcStatus.INVALID_ARGUMENT),
      new Call("a truncated message", "emporium.search.v1.SearchService/Search", Persona.ANONYMOUS,
          new byte[] {10, 5, 's', 'h'}, GrpcStatus.INVALID_ARGUMENT),
      // vertx-grpc answered an oversized message itself, then the handler's answer failed on the
      // closed stream: an unhandled exception in the log per call (the regression test reads the log)
      new Call("a message over the size limit", "emporium.cart.v1.CartService/GetCart", Persona.ANONYMOUS,
          new byte[2_000_000], GrpcStatus.RESOURCE_EXHAUSTED),
      // the status message listed every field error and repeated the value: trailers larger than
      // HTTP/2 allows, and the stream was reset as INTERNAL
      new Call("thousands of bad lines", "emporium.inventory.v1.InventoryService/Reserve", Persona.ADMIN,
          manyLines(), GrpcStatus.INVALID_ARGUMENT),
      new Call("a huge order id", "emporium.ordering.v1.OrderService/GetOrder", Persona.CUSTOMER,
          GetOrderRequest.newBuilder().setOrderId("Z".repeat(200_000)).build().toByteArray(), GrpcStatus.NOT_FOUND));

  private static byte[] manyLines() {
    ReserveRequest.Builder request = ReserveRequest.newBuilder().setReservationId(UUID.randomUUID().toString())
        .setReference("regression");
    for (int i = 0; i < 5_000; i++) {
      request.addLines(Line.newBuilder().setSku("NO SUCH SKU " + i).setQuantity(-1));
    }
    return request.build().toByteArray();
  }

  private Regressions() {
  }
}
