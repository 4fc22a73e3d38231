package org.emporium.ordering.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An order: what was bought at which prices (a snapshot of the checkout's quote), who bought it,
 * where it goes, how it was paid, and every status it went through. {@code coupons},
 * {@code fxRates} and {@code shippingAddress} are JSON text kept as checkout gave them.
 * {@code refunded} is the money given back so far (minor units).
 */
public record Order(UUID id, UUID checkoutId, UUID customerId, String email, OrderStatus status, String currency,
    List<OrderLine> lines, Totals totals, boolean taxInclusive, String coupons, String fxRates,
    String shippingAddress, UUID paymentId, UUID reservationId, String region, long refunded,
    List<Transition> history, Instant createdAt, Instant updatedAt, long version) {

  public Order {
    lines = List.copyOf(lines);
    history = List.copyOf(history);
  }

  /** The order after moving to {@code to}, with the move in its history; refused by the transition table. */
  public Move move(OrderStatus to, Instant at, String actor, String reason) {
    if (!status.canBecome(to)) {
      return new Move.Refused(new Rejection.Conflict("The order is " + status.code() + "; it cannot become "
          + to.code() + "."));
    }
    Transition transition = new Transition(status, to, at, actor, reason);
    List<Transition> after = new ArrayList<>(history);
    after.add(transition);
    return new Move.Moved(new Order(id, checkoutId, customerId, email, to, currency, lines, totals, taxInclusive,
        coupons, fxRates, shippingAddress, paymentId, reservationId, region, refunded, after, createdAt, at,
        version + 1), transition);
  }

  /** The order once {@code amount} in all has been refunded. */
  public Order withRefunded(long amount, Instant at) {
    return new Order(id, checkoutId, customerId, email, status, currency, lines, totals, taxInclusive, coupons,
        fxRates, shippingAddress, paymentId, reservationId, region, amount, history, createdAt, at,
        version + 1);
  }

  /**
   * Where a shipped order goes once {@code refunded()} has been given back: {@code refunded} when
   * that is its whole total, else {@code partially_refunded}. Before shipping a refund moves
   * nothing (the refund of a whole unshipped order is its cancellation); nor does a repeat.
   */
  public Optional<OrderStatus> afterRefund() {
    boolean shipped = status == OrderStatus.SHIPPED || status == OrderStatus.DELIVERED
        || status == OrderStatus.PARTIALLY_REFUNDED;
    if (!shipped || refunded <= 0) {
      return Optional.empty();
    }
    OrderStatus to = refunded >= totals.total() ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
    return to == status ? Optional.empty() : Optional.of(to);
  }

  /** The outcome of {@link #move}. */
  public sealed interface Move {

    record Moved(Order order, Transition transition) implements Move {
    }

    record Refused(Rejection.Conflict conflict) implements Move {
    }
  }
}
