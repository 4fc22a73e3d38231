package org.emporium.pricing.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import org.emporium.pricing.domain.CouponCheck;
import org.emporium.pricing.domain.DiscountRequest;
import org.emporium.pricing.domain.Discounts;
import org.emporium.pricing.domain.PromotionRejection;
import org.emporium.pricing.domain.Stacking;
import org.emporium.pricing.domain.Violation;

import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks coupon codes without redeeming them: {@link #evaluate} for a quote (every condition, the
 * stacked amounts) and {@link #validate} for one code applied to a cart (no lines yet, so conditions
 * on lines wait for the quote). Reads only; checkout's redemption enforces the limits.
 */
public final class EvaluatingDiscounts implements Discounting {

  private final SqlClient client;
  private final CouponLookup lookup;
  private final Clock clock;

  public EvaluatingDiscounts(SqlClient client, Promotions promotions, Redemptions redemptions, Clock clock) {
    this.client = client;
    this.lookup = new CouponLookup(promotions, redemptions);
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
    return lookup.check(client, request.codes(), customer, request.currency().getCurrencyCode(), request.at(),
        Optional.of(request.lines())).map(outcome -> {
          if (!outcome.refusals().isEmpty()) {
            throw PromotionProblems.problem(PromotionRejection.Refused.of("/couponCodes", true, outcome.refusals()))
                .toException();
          }
          return Stacking.apply(request.currency(), request.lines(), outcome.accepted());
        });
  }

  /** The promotion behind one code a shopper enters, if it can be used now in {@code currency}. */
  public Future<CouponCheck.Accepted> validate(String code, Currency currency, Optional<UUID> customer) {
    return lookup.check(client, List.of(code), customer, currency.getCurrencyCode(), clock.instant(), Optional.empty())
        .map(outcome -> {
          if (!outcome.refusals().isEmpty()) {
            throw new PromotionRejected(PromotionRejection.Refused.of("/code", false, outcome.refusals()));
          }
          return outcome.accepted().get(0);
        });
  }
}
