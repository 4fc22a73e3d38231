package org.emporium.payment;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.payment.PaymentNode.authorise;

/** The circuit breaker around the provider, on a node of its own: it opens, refuses at once, and closes again. */
class PaymentCircuitTest {

  static PaymentNode payments;

  @BeforeAll
  static void start() {
    payments = new PaymentNode(Map.of("payment.providerTimeoutMs", "300", "payment.maxAttempts", "1",
        "payment.circuitBreaker.maxFailures", "3", "payment.circuitBreaker.resetTimeoutMs", "1000"));
  }

  @AfterAll
  static void stop() {
    payments.close();
  }

  @Test
  void repeatedFailuresOpenTheCircuitThenItRecovers() {
    for (int i = 0; i < 3; i++) {
      assertThat(payments.problem("payment.authorise", authorise(UUID.randomUUID(), "4000000000000119", 100, null))
          .getInteger("status")).isEqualTo(503);
    }
    // open: even a good card is refused without asking the provider
    UUID refused = UUID.randomUUID();
    assertThat(payments.problem("payment.authorise", authorise(refused, "4242424242424242", 100, null))
        .getInteger("status")).isEqualTo(503);
    assertThat(payments.rows("SELECT status FROM payment.payment WHERE id = $1", refused).get(0).getString(0))
        .isEqualTo("failed");

    JsonObject recovered = null;
    for (int attempt = 0; attempt < 100 && recovered == null; attempt++) {
      UUID id = UUID.randomUUID();
      try {
        recovered = PaymentNode.await(payments.send("payment.authorise", authorise(id, "4242424242424242", 100, null)));
      } catch (AssertionError stillOpen) {
        PaymentNode.await(payments.vertx().timer(200));
      }
    }
    assertThat(recovered).isNotNull();
    assertThat(recovered.getString("status")).isEqualTo("authorised");
  }
}
