package org.emporium.pricing.application;

import io.vertx.core.Future;
import org.emporium.pricing.domain.DiscountRequest;
import org.emporium.pricing.domain.Discounts;

/**
 * Evaluates coupon codes against priced lines without redeeming them. A code that does not apply
 * (unknown, outside its validity window, exhausted, for another currency, conditions not met) fails
 * the future with a 422 problem whose field errors point at {@code /couponCodes/<index>}.
 */
public interface Discounting {

  Future<Discounts> evaluate(DiscountRequest request);
}
