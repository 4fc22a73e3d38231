package org.emporium.edge.grpc;

import com.google.protobuf.Descriptors;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.grpc.common.ServiceName;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.Service;
import org.emporium.edge.auth.Authenticator;
import org.emporium.edge.grpc.ForwardedCalls.Forward;
import org.emporium.edge.grpc.payment.v1.Card;
import org.emporium.edge.grpc.payment.v1.Money;
import org.emporium.edge.grpc.payment.v1.Payment;
import org.emporium.edge.grpc.payment.v1.PaymentServiceGrpcService;
import org.emporium.edge.grpc.payment.v1.RefundRequest;

/**
 * gRPC {@code emporium.payment.v1.PaymentService}: each method forwards to the payment context like
 * its REST operation (same envelope and rules).
 */
public final class PaymentGrpcService implements Service {

  private static final String MANAGE = "payments:manage";

  private final ForwardedCalls calls;

  public PaymentGrpcService(Vertx vertx, Authenticator authenticator, long timeoutMs) {
    this.calls = new ForwardedCalls(vertx, authenticator, timeoutMs);
  }

  @Override
  public ServiceName name() {
    return PaymentServiceGrpcService.SERVICE_NAME;
  }

  @Override
  public Descriptors.ServiceDescriptor descriptor() {
    return PaymentServiceGrpcService.SERVICE_DESCRIPTOR;
  }

  @Override
  public void bind(GrpcServer server) {
    // no permission here: the context lets a customer read their own payment (and wants a token)
    server.callHandler(PaymentServiceGrpcService.GetPayment, calls.unary("getPayment", "payment.getPayment", null,
        request -> Forward.path("paymentId", request.getPaymentId()), PaymentGrpcService::payment));
    server.callHandler(PaymentServiceGrpcService.Refund, calls.unary("refundPayment", "payment.refundPayment", MANAGE,
        PaymentGrpcService::refund, PaymentGrpcService::payment));
  }

  private static Forward refund(RefundRequest request) {
    JsonObject body = new JsonObject();
    if (request.hasAmount()) {
      body.put("amount", new JsonObject().put("amount", request.getAmount().getAmount())
          .put("currency", request.getAmount().getCurrency()));
    }
    if (request.hasReason()) {
      body.put("reason", request.getReason());
    }
    // the refund id goes where no REST request can put it: REST names it with the Idempotency-Key
    return new Forward(new JsonObject().put("paymentId", request.getPaymentId()),
        new JsonObject().put("refundId", request.getRefundId()), body);
  }

  static Payment payment(JsonObject json) {
    Payment.Builder out = Payment.newBuilder().setPaymentId(json.getString("paymentId", ""))
        .setReference(json.getString("reference", "")).setStatus(json.getString("status", ""))
        .setProvider(json.getString("provider", "")).setCreatedAt(json.getString("createdAt", ""))
        .setUpdatedAt(json.getString("updatedAt", ""));
    if (json.getString("orderId") != null) {
      out.setOrderId(json.getString("orderId"));
    }
    if (json.getString("customerId") != null) {
      out.setCustomerId(json.getString("customerId"));
    }
    money(json, "amount", out::setAmount);
    money(json, "authorised", out::setAuthorised);
    money(json, "captured", out::setCaptured);
    money(json, "refunded", out::setRefunded);
    JsonObject card = json.getJsonObject("card");
    if (card != null) {
      out.setCard(Card.newBuilder().setBrand(card.getString("brand", "")).setLast4(card.getString("last4", "")));
    }
    return out.build();
  }

  private static void money(JsonObject json, String member, java.util.function.Consumer<Money> setter) {
    JsonObject money = json.getJsonObject(member);
    if (money != null) {
      setter.accept(Money.newBuilder().setAmount(money.getLong("amount")).setCurrency(money.getString("currency"))
          .build());
    }
  }
}
