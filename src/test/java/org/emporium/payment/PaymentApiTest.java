package org.emporium.payment;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.grpc.client.InvalidStatusException;
import io.vertx.grpc.common.GrpcStatus;
import org.emporium.edge.grpc.payment.v1.GetPaymentRequest;
import org.emporium.edge.grpc.payment.v1.Money;
import org.emporium.edge.grpc.payment.v1.Payment;
import org.emporium.edge.grpc.payment.v1.RefundRequest;
import org.emporium.payment.infra.WebhookSignatures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** REST and gRPC on the edge: who may read and refund a payment, and the provider's webhooks. */
class PaymentApiTest {

  static PaymentNode payments;

  @BeforeAll
  static void start() {
    payments = PaymentNode.shared();
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
  void aPaymentIsReadByItsCustomerAndAnAdminAndIsUnknownToOthers() {
    UUID id = payments.captured(1200, payments.alice.id());
    String path = "/api/v1/payments/" + id;
    JsonObject own = payments.expect(200, HttpMethod.GET, path, payments.alice.token(), null, Map.of());
    assertThat(own.getString("status")).isEqualTo("captured");
    assertThat(own.getString("customerId")).isEqualTo(payments.alice.id());
    assertThat(payments.expect(200, HttpMethod.GET, path, payments.adminToken, null, Map.of())).isEqualTo(own);
    assertThat(payments.expect(404, HttpMethod.GET, path, payments.bob.token(), null, Map.of()).getString("type"))
        .isEqualTo("/problems/not-found");
    payments.expect(404, HttpMethod.GET, "/api/v1/payments/" + UUID.randomUUID(), payments.adminToken, null, Map.of());
    payments.expect(401, HttpMethod.GET, path, null, null, Map.of());
  }

  @Test
  void anAdminRefundsOverRestOncePerIdempotencyKey() {
    UUID id = payments.captured(1000, payments.alice.id());
    String path = "/api/v1/payments/" + id + "/refunds";
    JsonObject body = new JsonObject().put("amount", new JsonObject().put("amount", 250).put("currency", "USD"))
        .put("reason", "damaged");
    Map<String, String> key = Map.of("Idempotency-Key", "refund-" + UUID.randomUUID());
    JsonObject refunded = payments.expect(200, HttpMethod.POST, path, payments.adminToken, body, key);
    assertThat(refunded.getJsonObject("refunded").getLong("amount")).isEqualTo(250);
    assertThat(payments.expect(200, HttpMethod.POST, path, payments.adminToken, body, key)).isEqualTo(refunded);
    payments.expect(403, HttpMethod.POST, path, payments.alice.token(), body, Map.of("Idempotency-Key", "refund-by-alice"));
    payments.expect(400, HttpMethod.POST, path, payments.adminToken, body, Map.of());
    payments.expect(422, HttpMethod.POST, path, payments.adminToken, new JsonObject().put("amount",
        new JsonObject().put("amount", 751).put("currency", "USD")), Map.of("Idempotency-Key", "refund-too-much"));
    payments.expect(400, HttpMethod.POST, path, payments.adminToken, new JsonObject().put("amount",
        new JsonObject().put("amount", 1).put("currency", "EUR")), Map.of("Idempotency-Key", "refund-in-euros"));
    assertThat(payments.number("SELECT refunded FROM payment.payment WHERE id = $1", id)).isEqualTo(250);
  }

  @Test
  void grpcReadsAndRefundsWithTheSameRules() throws Exception {
    UUID id = payments.captured(800, payments.alice.id());
    Payment own = payments.grpc(payments.alice.token()).getPayment(GetPaymentRequest.newBuilder()
        .setPaymentId(id.toString()).build()).await(30, TimeUnit.SECONDS);
    assertThat(own.getStatus()).isEqualTo("captured");
    assertThat(own.getCaptured().getAmount()).isEqualTo(800);
    assertThat(own.getCard().getLast4()).isEqualTo("4242");
    assertThat(status(payments.grpc(payments.bob.token()).getPayment(GetPaymentRequest.newBuilder()
        .setPaymentId(id.toString()).build()))).isEqualTo(GrpcStatus.NOT_FOUND);

    RefundRequest refund = RefundRequest.newBuilder().setPaymentId(id.toString()).setRefundId("grpc-" + UUID.randomUUID())
        .setAmount(Money.newBuilder().setAmount(300).setCurrency("USD")).setReason("late").build();
    Payment refunded = payments.grpc(payments.adminToken).refund(refund).await(30, TimeUnit.SECONDS);
    assertThat(refunded.getStatus()).isEqualTo("partially_refunded");
    assertThat(payments.grpc(payments.adminToken).refund(refund).await(30, TimeUnit.SECONDS).getRefunded().getAmount())
        .isEqualTo(300);
    assertThat(status(payments.grpc(payments.alice.token()).refund(refund))).isEqualTo(GrpcStatus.PERMISSION_DENIED);
    RefundRequest tooMuch = refund.toBuilder().setRefundId("grpc-" + UUID.randomUUID())
        .setAmount(Money.newBuilder().setAmount(501).setCurrency("USD")).build();
    assertThat(status(payments.grpc(payments.adminToken).refund(tooMuch))).isEqualTo(GrpcStatus.FAILED_PRECONDITION);
    assertThat(payments.number("SELECT refunded FROM payment.payment WHERE id = $1", id)).isEqualTo(300);
  }

  @Test
  void webhooksNeedTheSignatureAndAreActedOnOnce() {
    UUID id = payments.captured(1000, null);
    String eventId = "evt_" + UUID.randomUUID();
    JsonObject event = new JsonObject().put("id", eventId).put("type", "payment.refunded")
        .put("data", new JsonObject().put("paymentId", id.toString()).put("amount", 400));
    String path = "/api/v1/payments/webhooks/simulator";
    payments.expect(401, HttpMethod.POST, path, null, event,
        Map.of("X-Emporium-Signature", WebhookSignatures.sign("not-the-secret", event)));
    assertThat(payments.number("SELECT count(*) FROM payment.webhook_event WHERE event_id = $1", eventId)).isZero();

    Map<String, String> signed = Map.of("X-Emporium-Signature", WebhookSignatures.sign(PaymentNode.WEBHOOK_SECRET, event));
    assertThat(payments.expect(200, HttpMethod.POST, path, null, event, signed))
        .isEqualTo(new JsonObject().put("eventId", eventId).put("duplicate", false));
    assertThat(payments.expect(200, HttpMethod.POST, path, null, event, signed).getBoolean("duplicate")).isTrue();
    assertThat(payments.number("SELECT refunded FROM payment.payment WHERE id = $1", id)).isEqualTo(400);
    assertThat(payments.number("SELECT count(*) FROM payment.webhook_event WHERE event_id = $1", eventId)).isEqualTo(1);
    assertThat(payments.events(id)).filteredOn(t -> t.endsWith("refunded.v1")).hasSize(1);
    payments.expect(404, HttpMethod.POST, "/api/v1/payments/webhooks/elsewhere", null, event, signed);
  }
}
