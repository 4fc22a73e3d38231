package org.emporium.payment;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.payment.PaymentNode.authorise;
import static org.emporium.payment.PaymentNode.await;

/** The internal {@code payment.*} addresses against the simulated provider: outcomes, stored state, events. */
class PaymentFlowTest {

  private static final String TYPE = "emporium.payment.payment.";
  static PaymentNode payments;

  @BeforeAll
  static void start() {
    payments = PaymentNode.shared();
  }

  private static JsonObject capture(UUID id) {
    return new JsonObject().put("paymentId", id.toString()).put("orderId", UUID.randomUUID().toString());
  }

  private static JsonObject id(UUID id) {
    return new JsonObject().put("paymentId", id.toString());
  }

  private static JsonObject refund(UUID id, String refundId, Long amount) {
    JsonObject body = new JsonObject().put("paymentId", id.toString()).put("refundId", refundId);
    return amount == null ? body : body.put("amount", new JsonObject().put("amount", amount).put("currency", "USD"));
  }

  private String status(UUID id) {
    return payments.rows("SELECT status FROM payment.payment WHERE id = $1", id).get(0).getString(0);
  }

  @Test
  void aGoodCardIsAuthorisedWithItsBrandAndLastFourDigits() {
    UUID id = UUID.randomUUID();
    JsonObject payment = payments.call("payment.authorise", authorise(id, "4242424242424242", 2599, null));
    assertThat(payment.getString("status")).isEqualTo("authorised");
    assertThat(payment.getJsonObject("authorised")).isEqualTo(new JsonObject().put("amount", 2599).put("currency", "USD"));
    assertThat(payment.getJsonObject("captured").getLong("amount")).isZero();
    assertThat(payment.getJsonObject("card")).isEqualTo(new JsonObject().put("brand", "visa").put("last4", "4242"));
    assertThat(payment.getString("provider")).isEqualTo("simulator");
    assertThat(payments.events(id)).containsExactly(TYPE + "authorised.v1");
    assertThat(payments.number("SELECT count(*) FROM payment.provider_operation WHERE payment_id = $1 AND kind = 'authorise'"
        + " AND outcome = 'approved'", id)).isEqualTo(1);

    UUID master = UUID.randomUUID();
    assertThat(payments.call("payment.authorise", authorise(master, "5555555555554444", 100, null))
        .getJsonObject("card").getString("brand")).isEqualTo("mastercard");
    UUID amex = UUID.randomUUID();
    assertThat(payments.call("payment.authorise", authorise(amex, "378282246310005", 100, null))
        .getJsonObject("card")).isEqualTo(new JsonObject().put("brand", "amex").put("last4", "0005"));
  }

  @Test
  void declinesAreA402WithTheirReasonAndAFailedPayment() {
    UUID declined = UUID.randomUUID();
    JsonObject problem = payments.problem("payment.authorise", authorise(declined, "4000000000000002", 500, null));
    assertThat(problem.getInteger("status")).isEqualTo(402);
    assertThat(problem.getString("reason")).isEqualTo("declined");
    assertThat(problem.getString("detail")).contains("declined");
    assertThat(status(declined)).isEqualTo("failed");
    assertThat(payments.events(declined)).containsExactly(TYPE + "failed.v1");

    UUID poor = UUID.randomUUID();
    problem = payments.problem("payment.authorise", authorise(poor, "4000000000009995", 500, null));
    assertThat(problem.getInteger("status")).isEqualTo(402);
    assertThat(problem.getString("reason")).isEqualTo("insufficient_funds");
    assertThat(problem.getString("detail")).contains("insufficient funds");
    assertThat(payments.rows("SELECT status, failure_reason, authorised FROM payment.payment WHERE id = $1", poor).get(0)
        .toJson()).isEqualTo(new JsonObject().put("status", "failed").put("failure_reason", "insufficient_funds")
        .put("authorised", 0L));

    // a repeat answers the first outcome and changes nothing
    JsonObject again = payments.problem("payment.authorise", authorise(poor, "4000000000009995", 500, null));
    assertThat(again.getString("reason")).isEqualTo("insufficient_funds");
    assertThat(payments.events(poor)).hasSize(1);
  }

  @Test
  void aProcessingErrorIsRetriedThenA503AndTheFailedPaymentIsVoidedAtTheProvider() {
    UUID id = UUID.randomUUID();
    JsonObject problem = payments.problem("payment.authorise", authorise(id, "4000000000000119", 700, null));
    assertThat(problem.getInteger("status")).isEqualTo(503);
    assertThat(payments.rows("SELECT status, failure_reason FROM payment.payment WHERE id = $1", id).get(0).toJson())
        .isEqualTo(new JsonObject().put("status", "failed").put("failure_reason", "provider_unavailable"));
    assertThat(payments.events(id)).containsExactly(TYPE + "failed.v1");
    assertThat(payments.rows("SELECT kind, outcome FROM payment.provider_operation WHERE payment_id = $1 ORDER BY kind", id)
        .stream().map(r -> r.getString(0) + "=" + r.getString(1)).toList())
        .containsExactly("authorise=failed", "void=approved");
    assertThat(payments.problem("payment.authorise", authorise(id, "4000000000000119", 700, null))
        .getInteger("status")).isEqualTo(503);
  }

  @Test
  void aProviderTimeoutIsA503AndAFailedPayment() {
    UUID id = UUID.randomUUID();
    assertThat(payments.problem("payment.authorise", authorise(id, "4000000000006975", 900, null))
        .getInteger("status")).isEqualTo(503);
    assertThat(status(id)).isEqualTo("failed");
    assertThat(payments.events(id)).containsExactly(TYPE + "failed.v1");
    // the saga's compensation finds it failed, not an error
    assertThat(payments.call("payment.void", id(id)).getString("status")).isEqualTo("failed");
  }

  @Test
  void anInvalidCardOrBodyIsA400NamingTheFieldAndStoresNothing() {
    UUID id = UUID.randomUUID();
    JsonObject problem = payments.problem("payment.authorise", authorise(id, "4242424242424241", 100, null));
    assertThat(problem.getInteger("status")).isEqualTo(400);
    assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("/card/number");
    JsonObject bad = authorise(id, "4242424242424242", -5, "not-a-uuid").put("paymentId", "x");
    assertThat(payments.problem("payment.authorise", bad).getJsonArray("errors").stream()
        .map(e -> ((JsonObject) e).getString("field")).toList())
        .containsExactlyInAnyOrder("/paymentId", "/customerId", "/amount/amount");
    assertThat(payments.number("SELECT count(*) FROM payment.payment WHERE id = $1", id)).isZero();
  }

  @Test
  void authoriseCaptureVoidAndRefundAreIdempotent() {
    UUID id = UUID.randomUUID();
    JsonObject first = payments.call("payment.authorise", authorise(id, "4242424242424242", 1000, null));
    assertThat(payments.call("payment.authorise", authorise(id, "4242424242424242", 1000, null))).isEqualTo(first);
    JsonObject order = capture(id);
    JsonObject captured = payments.call("payment.capture", order);
    assertThat(captured.getString("status")).isEqualTo("captured");
    assertThat(captured.getString("orderId")).isEqualTo(order.getString("orderId"));
    assertThat(captured.getJsonObject("captured").getLong("amount")).isEqualTo(1000);
    assertThat(payments.call("payment.capture", order)).isEqualTo(captured);
    JsonObject refunded = payments.call("payment.refund", refund(id, "r-1", 300L));
    assertThat(payments.call("payment.refund", refund(id, "r-1", 300L))).isEqualTo(refunded);
    assertThat(refunded.getString("status")).isEqualTo("partially_refunded");
    assertThat(refunded.getJsonObject("refunded").getLong("amount")).isEqualTo(300);
    assertThat(payments.events(id)).containsExactly(TYPE + "authorised.v1", TYPE + "captured.v1", TYPE + "refunded.v1");

    UUID other = UUID.randomUUID();
    payments.call("payment.authorise", authorise(other, "4242424242424242", 1000, null));
    JsonObject voided = payments.call("payment.void", id(other));
    assertThat(voided.getString("status")).isEqualTo("voided");
    assertThat(payments.call("payment.void", id(other))).isEqualTo(voided);
    assertThat(payments.events(other)).containsExactly(TYPE + "authorised.v1", TYPE + "voided.v1");
    assertThat(payments.problem("payment.capture", capture(other)).getInteger("status")).isEqualTo(409);
    assertThat(payments.problem("payment.void", id(id)).getInteger("status")).isEqualTo(409);
    assertThat(payments.problem("payment.capture", capture(UUID.randomUUID())).getInteger("status")).isEqualTo(404);
    assertThat(payments.call("payment.get", id(id)).getString("status")).isEqualTo("partially_refunded");
  }

  @Test
  void aVoidBeforeTheAuthoriseLeavesATombstoneThatRefusesIt() {
    UUID id = UUID.randomUUID();
    JsonObject tombstone = payments.call("payment.void", id(id));
    assertThat(tombstone.getString("status")).isEqualTo("voided");
    assertThat(tombstone.getValue("amount")).isNull();
    assertThat(payments.problem("payment.authorise", authorise(id, "4242424242424242", 100, null))
        .getInteger("status")).isEqualTo(409);
    assertThat(status(id)).isEqualTo("voided");
    assertThat(payments.number("SELECT count(*) FROM payment.provider_operation WHERE payment_id = $1 AND kind = 'authorise'",
        id)).isZero();
    assertThat(payments.events(id)).containsExactly(TYPE + "voided.v1");
  }

  @Test
  void refundsNeverExceedWhatWasCaptured() {
    UUID id = payments.captured(1000, null);
    assertThat(payments.problem("payment.refund", refund(id, "too-much", 1001L)).getInteger("status")).isEqualTo(422);
    payments.call("payment.refund", refund(id, "part", 400L));
    assertThat(payments.problem("payment.refund", refund(id, "over", 601L)).getInteger("status")).isEqualTo(422);
    JsonObject rest = payments.call("payment.refund", refund(id, "rest", null));
    assertThat(rest.getString("status")).isEqualTo("refunded");
    assertThat(rest.getJsonObject("refunded").getLong("amount")).isEqualTo(1000);
    assertThat(payments.problem("payment.refund", refund(id, "more", null)).getInteger("status")).isEqualTo(422);
    assertThat(payments.number("SELECT sum(amount) FROM payment.refund WHERE payment_id = $1", id)).isEqualTo(1000);
    assertThat(payments.events(id)).filteredOn(t -> t.endsWith("refunded.v1")).hasSize(2);

    UUID authorisedOnly = UUID.randomUUID();
    payments.call("payment.authorise", authorise(authorisedOnly, "4242424242424242", 500, null));
    assertThat(payments.problem("payment.refund", refund(authorisedOnly, "early", null)).getInteger("status"))
        .isEqualTo(422);
    assertThat(payments.problem("payment.refund", refund(UUID.randomUUID(), "nobody", null)).getInteger("status"))
        .isEqualTo(404);
  }

  @Test
  void concurrentRefundsWithDifferentIdsNeverAddUpToMoreThanTheCapture() {
    UUID id = payments.captured(1000, null);
    List<Future<JsonObject>> racing = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      racing.add(payments.send("payment.refund", refund(id, "race-" + i, 150L)));
    }
    await(Future.join(racing).otherwiseEmpty());
    long succeeded = racing.stream().filter(Future::succeeded).count();
    assertThat(succeeded).isEqualTo(6);
    assertThat(racing.stream().filter(Future::failed).map(f -> f.cause().getMessage()))
        .allMatch(message -> message.contains("\"status\":422"));
    assertThat(payments.rows("SELECT refunded, refund_pending, captured FROM payment.payment WHERE id = $1", id).get(0).toJson())
        .isEqualTo(new JsonObject().put("refunded", 900L).put("refund_pending", 0L).put("captured", 1000L));
    assertThat(payments.number("SELECT sum(amount) FROM payment.refund WHERE payment_id = $1", id)).isEqualTo(900);
  }

  @Test
  void aRefusedOperationWritesNoEventAndChangesNothing() {
    UUID id = payments.captured(500, null);
    List<String> before = payments.events(id);
    String updated = payments.rows("SELECT updated_at::text FROM payment.payment WHERE id = $1", id).get(0).getString(0);
    payments.problem("payment.refund", refund(id, "x", 501L));
    payments.problem("payment.void", id(id));
    assertThat(payments.events(id)).isEqualTo(before);
    assertThat(payments.rows("SELECT updated_at::text FROM payment.payment WHERE id = $1", id).get(0).getString(0))
        .isEqualTo(updated);
  }

  @Test
  void theFullCardNumberIsInNoTableAndNoEvent() {
    String[] cards = {"4242424242424242", "4000000000000002", "4000000000009995", "4000000000000119"};
    for (String card : cards) {
      payments.send("payment.authorise", authorise(UUID.randomUUID(), card, 100, null)).otherwiseEmpty();
    }
    UUID last = UUID.randomUUID();
    payments.call("payment.authorise", authorise(last, "4111111111111111", 100, null));
    var columns = payments.rows("SELECT table_name, column_name FROM information_schema.columns"
        + " WHERE table_schema = 'payment' AND data_type IN ('text', 'character varying')");
    assertThat(columns).extracting(r -> r.getString(0)).contains("payment", "outbox", "provider_operation");
    for (var column : columns) {
      for (String card : cards) {
        assertThat(payments.number("SELECT count(*) FROM payment." + column.getString(0) + " WHERE "
            + column.getString(1) + " LIKE $1", "%" + card + "%")).as("%s.%s", column.getString(0), column.getString(1))
            .isZero();
      }
      assertThat(payments.number("SELECT count(*) FROM payment." + column.getString(0) + " WHERE "
          + column.getString(1) + " LIKE $1", "%4111111111111111%")).isZero();
    }
    assertThat(payments.rows("SELECT card_last4 FROM payment.payment WHERE id = $1", last).get(0).getString(0)).isEqualTo("1111");
  }
}
