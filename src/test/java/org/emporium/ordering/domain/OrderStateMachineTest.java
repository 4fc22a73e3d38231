package org.emporium.ordering.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.ordering.domain.OrderStatus.AWAITING_PAYMENT;
import static org.emporium.ordering.domain.OrderStatus.CANCELLED;
import static org.emporium.ordering.domain.OrderStatus.DELIVERED;
import static org.emporium.ordering.domain.OrderStatus.FULFILLING;
import static org.emporium.ordering.domain.OrderStatus.PAID;
import static org.emporium.ordering.domain.OrderStatus.PARTIALLY_REFUNDED;
import static org.emporium.ordering.domain.OrderStatus.PENDING;
import static org.emporium.ordering.domain.OrderStatus.REFUNDED;
import static org.emporium.ordering.domain.OrderStatus.SHIPPED;

/** The transition table: every legal move is accepted and recorded, every other one refused without change. */
class OrderStateMachineTest {

  private static final Map<OrderStatus, Set<OrderStatus>> LEGAL = Map.of(
      PENDING, EnumSet.of(AWAITING_PAYMENT, PAID, CANCELLED),
      AWAITING_PAYMENT, EnumSet.of(PAID, CANCELLED),
      PAID, EnumSet.of(FULFILLING, SHIPPED, CANCELLED),
      FULFILLING, EnumSet.of(SHIPPED, CANCELLED),
      SHIPPED, EnumSet.of(DELIVERED, PARTIALLY_REFUNDED, REFUNDED),
      DELIVERED, EnumSet.of(PARTIALLY_REFUNDED, REFUNDED),
      PARTIALLY_REFUNDED, EnumSet.of(REFUNDED),
      CANCELLED, EnumSet.noneOf(OrderStatus.class),
      REFUNDED, EnumSet.noneOf(OrderStatus.class));

  private static Order order(OrderStatus status) {
    Instant made = Instant.parse("2026-01-01T00:00:00Z");
    return new Order(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "a@example.com", status, "USD",
        List.of(new OrderLine("SKU-1", 2, 500, 1000, 0, 0, 1000)), new Totals(1000, 0, 0, 0, 1000), false, "[]", "[]",
        "{}", UUID.randomUUID(), UUID.randomUUID(), "eu-1", 0,
        List.of(new Transition(null, status, made, "checkout", "placed")), made, made, 3);
  }

  @Test
  void everyPairOfStatusesIsAcceptedOrRefusedByTheTable() {
    Instant at = Instant.parse("2026-01-02T10:00:00Z");
    int accepted = 0;
    for (OrderStatus from : OrderStatus.values()) {
      for (OrderStatus to : OrderStatus.values()) {
        Order before = order(from);
        Order.Move move = before.move(to, at, "admin", "because");
        if (LEGAL.get(from).contains(to)) {
          accepted++;
          assertThat(move).as("%s -> %s", from, to).isInstanceOf(Order.Move.Moved.class);
          Order after = ((Order.Move.Moved) move).order();
          assertThat(after.status()).isEqualTo(to);
          assertThat(after.version()).isEqualTo(4);
          assertThat(after.updatedAt()).isEqualTo(at);
          assertThat(after.history()).hasSize(2);
          assertThat(after.history().get(1)).isEqualTo(new Transition(from, to, at, "admin", "because"));
        } else {
          assertThat(move).as("%s -> %s", from, to).isInstanceOf(Order.Move.Refused.class);
          assertThat(((Order.Move.Refused) move).conflict().detail())
              .isEqualTo("The order is " + from.code() + "; it cannot become " + to.code() + ".");
          assertThat(before.status()).isEqualTo(from);
          assertThat(before.history()).hasSize(1);
        }
      }
    }
    assertThat(accepted).isEqualTo(16);
  }

  @Test
  void onlyAPaidOrderNotYetShippedHoldsPaymentToRefundOnCancel() {
    assertThat(EnumSet.allOf(OrderStatus.class).stream().filter(OrderStatus::holdsPayment))
        .containsExactlyInAnyOrder(PAID, FULFILLING);
    assertThat(EnumSet.allOf(OrderStatus.class).stream().filter(s -> s.canBecome(CANCELLED)))
        .containsExactlyInAnyOrder(PENDING, AWAITING_PAYMENT, PAID, FULFILLING);
  }

  @Test
  void statusCodesRoundTrip() {
    for (OrderStatus status : OrderStatus.values()) {
      assertThat(OrderStatus.parse(status.code())).contains(status);
    }
    assertThat(OrderStatus.parse("partially_refunded")).contains(PARTIALLY_REFUNDED);
    assertThat(OrderStatus.parse("PAID")).isEmpty();
  }

  @Test
  void aRefundMovesOnlyAShippedOrderPartlyThenWhollyRefunded() {
    Instant at = Instant.parse("2026-01-03T10:00:00Z");
    assertThat(order(SHIPPED).withRefunded(400, at).afterRefund()).contains(PARTIALLY_REFUNDED);
    assertThat(order(DELIVERED).withRefunded(1000, at).afterRefund()).contains(REFUNDED);
    assertThat(order(PARTIALLY_REFUNDED).withRefunded(1000, at).afterRefund()).contains(REFUNDED);
    assertThat(order(PARTIALLY_REFUNDED).withRefunded(600, at).afterRefund()).as("still partly").isEmpty();
    assertThat(order(PAID).withRefunded(400, at).afterRefund()).as("before shipping").isEmpty();
    assertThat(order(CANCELLED).withRefunded(1000, at).afterRefund()).isEmpty();
    assertThat(order(SHIPPED).afterRefund()).as("nothing refunded").isEmpty();
  }
}
