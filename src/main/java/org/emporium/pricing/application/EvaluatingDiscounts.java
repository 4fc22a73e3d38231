package org.emporium.pricing.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import org.emporium.pricing.domain.CouponCheck;
import org.emporium.pricing.domain.CouponCodes;
import org.emporium.pricing.domain.DiscountRequest;
import org.emporium.pricing.domain.Discounts;
import org.emporium.pricing.domain.Promotion;
import org.emporium.pricing.domain.PromotionRejection;
import org.emporium.pricing.domain.Shopper;
import org.emporium.pricing.domain.Stacking;
import org.emporium.pricing.domain.Violation;

import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks coupon codes without redeeming them: {@link #evaluate} for a quote (every condition, the
 * stacked amounts) and {@link #validate} for one code applied to a cart (no lines yet, so conditions
 * on lines wait for the quote). Reads only; the limits are enforced again when checkout redeems.
 */
public final class EvaluatingDiscounts implements Discounting {

  private final SqlClient client;
  private final Promotions promotions;
  private final Redemptions redemptions;
  private final Clock clock;

  public EvaluatingDiscounts(SqlClient client, Promotions promotions, Redemptions redemptions, Clock clock) {
    this.client = client;
    this.promotions = promotions;
    this.redemptions = redemptions;
    this.clock = clock;
  }

  @Override
  public Future<Discounts> evaluate(DiscountRequest request) {
    if (request.codes().isEmpty()) {
      return Future.succeededFuture(Discounts.NONE);
    }
    Optional<UUID> customer;
    try {
      customer = request.customerId().map(UUID::fromString);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(PromotionProblems.problem(new PromotionRejection.Invalid(
          List.of(new Violation("/customerId", "must be a UUID")))).toException());
    }
    return check(request.codes(), customer, new CouponCheck(request.currency().getCurrencyCode(), request.at(),
        Shopper.GUEST, Optional.of(request.lines())))
        .map(outcome -> {
          if (!outcome.refusals().isEmpty()) {
            throw PromotionProblems.problem(PromotionRejection.Refused.of("/couponCodes", true, outcome.refusals()))
                .toException();
          }
          return Stacking.apply(request.currency(), request.lines(), outcome.accepted());
        });
  }

  /** The promotion behind one code a shopper enters, if it can be used now in {@code currency}. */
  public Future<CouponCheck.Accepted> validate(String code, Currency currency, Optional<UUID> customer) {
    return check(List.of(code), customer, new CouponCheck(currency.getCurrencyCode(), clock.instant(), Shopper.GUEST,
        Optional.empty()))
        .map(outcome -> {
          if (!outcome.refusals().isEmpty()) {
            throw new PromotionRejected(PromotionRejection.Refused.of("/code", false, outcome.refusals()));
          }
          return outcome.accepted().get(0);
        });
  }

  /** Loads the codes' promotions and, only when one needs them, the customer's orders and uses. */
  private Future<CouponCheck.Outcome> check(List<String> codes, Optional<UUID> customer, CouponCheck check) {
    List<String> lookups = codes.stream().map(CouponCodes::normalise).filter(CouponCodes::isValid).distinct().toList();
    return promotions.byCodes(client, lookups).compose(found -> shopper(customer, found)
        .map(shopper -> new CouponCheck(check.currency(), check.at(), shopper, check.lines()).check(codes, found)));
  }

  private Future<Shopper> shopper(Optional<UUID> customer, Map<String, Promotion> found) {
    if (customer.isEmpty()) {
      return Future.succeededFuture(Shopper.GUEST);
    }
    List<UUID> ids = found.values().stream().map(Promotion::id).distinct().toList();
    boolean needsUses = found.values().stream().anyMatch(p -> p.definition().limits().perCustomer() != null);
    boolean needsOrders = found.values().stream().anyMatch(p -> p.definition().conditions().firstOrder());
    Future<Map<UUID, Integer>> uses = needsUses ? redemptions.uses(client, customer.get(), ids)
        : Future.succeededFuture(Map.of());
    return uses.compose(used -> (needsOrders ? redemptions.orders(client, customer.get()) : Future.succeededFuture(0))
        .map(orders -> new Shopper(customer, orders, used)));
  }
}
