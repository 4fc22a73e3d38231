package org.emporium.checkout;

import org.emporium.checkout.domain.Compensation;
import org.emporium.checkout.domain.PurchaseCaps;
import org.emporium.checkout.domain.SagaRules;
import org.emporium.checkout.domain.SagaState;
import org.emporium.checkout.domain.Step;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The cap step in the saga's rules: counted before the reservation, given back by every undo after it. */
class PurchaseCapRulesTest {

  @Test
  void theCapIsCountedBeforeTheReservationAndGivenBackLast() {
    assertThat(Step.QUOTE.next()).contains(Step.CAP);
    assertThat(Step.CAP.next()).contains(Step.RESERVE);
    assertThat(SagaRules.compensations(Step.CAP, true)).as("refused at the cap: nothing counted").isEmpty();
    assertThat(SagaRules.compensations(Step.CAP, false)).containsExactly(Compensation.RETURN_UNITS);
    assertThat(SagaRules.compensations(Step.CAPTURE, true)).containsExactly(Compensation.CANCEL_ORDER,
        Compensation.RELEASE_COUPONS, Compensation.VOID_PAYMENT, Compensation.RELEASE_STOCK, Compensation.RETURN_UNITS);
  }

  @Test
  void onlyTheCaptureAndTheStepAfterItAreWrittenAndAnInterruptedSagaUndoesEverythingBeforeTheCapture() {
    assertThat(java.util.Arrays.stream(Step.values()).filter(SagaRules::durableBefore))
        .containsExactly(Step.CAPTURE, Step.MARK_PAID);
    assertThat(SagaRules.interrupted()).containsExactly(Compensation.CANCEL_ORDER, Compensation.RELEASE_COUPONS,
        Compensation.VOID_PAYMENT, Compensation.RELEASE_STOCK, Compensation.RETURN_UNITS);
  }

  @Test
  void anInterruptedSagaAtOrAfterTheCapIsCompensated() {
    assertThat(SagaRules.recover(SagaState.RUNNING, Step.CAP)).isEqualTo(SagaRules.Recovery.COMPENSATE);
    assertThat(SagaRules.recover(SagaState.RUNNING, Step.RESERVE)).isEqualTo(SagaRules.Recovery.COMPENSATE);
  }

  @Test
  void capsApplyPerSkuWithADefaultAndBuyersIgnoreTheCaseOfEmails() {
    PurchaseCaps caps = new PurchaseCaps(Map.of("A", 2), 0);
    assertThat(caps.claims(List.of(new PurchaseCaps.Line("B", 5), new PurchaseCaps.Line("A", 1))))
        .containsExactly(new PurchaseCaps.Claim(1, "A", 1, 2));
    assertThat(new PurchaseCaps(Map.of("A", 2), 7).cap("B")).isEqualTo(7);
    assertThat(PurchaseCaps.buyer(null, "Ada@Example.COM")).isEqualTo("email:ada@example.com");
    UUID customer = UUID.randomUUID();
    assertThat(PurchaseCaps.buyer(customer, "ada@example.com")).isEqualTo("customer:" + customer);
  }
}
