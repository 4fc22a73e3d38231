package org.emporium.payment.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.emporium.payment.application.Authorising;
import org.emporium.payment.application.Capturing;
import org.emporium.payment.application.PaymentJson;
import org.emporium.payment.application.ReadingPayments;
import org.emporium.payment.application.ReceivingWebhooks;
import org.emporium.payment.application.Refunding;
import org.emporium.payment.application.Voiding;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.eventbus.ForwardedReply;
import org.emporium.platform.eventbus.ForwardedRequest;

import java.util.UUID;

/** The operations behind the {@code payment.*} addresses: request in, use case, reply out. */
final class PaymentEndpoints {

  static final String MANAGE = "payments:manage";
  static final String SIGNATURE_HEADER = "x-emporium-signature";

  private final Authorising authorising;
  private final Capturing capturing;
  private final Voiding voiding;
  private final Refunding refunding;
  private final ReadingPayments reading;
  private final ReceivingWebhooks webhooks;

  PaymentEndpoints(Authorising authorising, Capturing capturing, Voiding voiding, Refunding refunding,
      ReadingPayments reading, ReceivingWebhooks webhooks) {
    this.authorising = authorising;
    this.capturing = capturing;
    this.voiding = voiding;
    this.refunding = refunding;
    this.reading = reading;
    this.webhooks = webhooks;
  }

  Future<JsonObject> authorise(JsonObject body) {
    return authorising.authorise(PaymentRequests.authorise(body)).map(PaymentJson::of);
  }

  Future<JsonObject> capture(JsonObject body) {
    UUID paymentId = PaymentRequests.id(body, "paymentId");
    return capturing.capture(paymentId, PaymentRequests.id(body, "orderId")).map(PaymentJson::of);
  }

  Future<JsonObject> voidPayment(JsonObject body) {
    return voiding.voidPayment(PaymentRequests.id(body, "paymentId")).map(PaymentJson::of);
  }

  Future<JsonObject> refund(JsonObject body) {
    return refunding.refund(PaymentRequests.refund(body)).map(PaymentJson::of);
  }

  Future<JsonObject> get(JsonObject body) {
    return reading.get(PaymentRequests.id(body, "paymentId")).map(PaymentJson::of);
  }

  Future<JsonObject> getPayment(ForwardedRequest request) {
    Principal caller = request.requirePrincipal();
    return reading.get(PaymentRequests.pathId(request.path("paymentId")), caller.customerId(), caller.has(MANAGE))
        .map(payment -> ForwardedReply.ok(PaymentJson.of(payment)));
  }

  Future<JsonObject> refundPayment(ForwardedRequest request) {
    request.requirePermission(MANAGE);
    UUID paymentId = PaymentRequests.pathId(request.path("paymentId"));
    String refundId = request.header("idempotency-key");
    if (refundId == null && request.query("refundId") instanceof String fromGrpc) {
      refundId = fromGrpc;
    }
    return refunding.refund(PaymentRequests.refund(paymentId, refundId, request.body()))
        .map(payment -> ForwardedReply.ok(PaymentJson.of(payment)));
  }

  Future<JsonObject> receiveWebhook(ForwardedRequest request) {
    return webhooks.receive(request.path("provider"), request.header(SIGNATURE_HEADER), request.body())
        .map(receipt -> ForwardedReply.ok(new JsonObject().put("eventId", receipt.eventId())
            .put("duplicate", receipt.duplicate())));
  }
}
