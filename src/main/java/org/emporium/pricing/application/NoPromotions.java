package org.emporium.pricing.application;

import io.vertx.core.Future;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.emporium.pricing.domain.DiscountRequest;
import org.emporium.pricing.domain.Discounts;

import java.util.List;
import java.util.stream.IntStream;

/** {@link Discounting} while no promotion exists: no codes give no discount, and every code is unknown. */
public final class NoPromotions implements Discounting {

  @Override
  public Future<Discounts> evaluate(DiscountRequest request) {
    if (request.codes().isEmpty()) {
      return Future.succeededFuture(Discounts.NONE);
    }
    List<Problem.FieldError> errors = IntStream.range(0, request.codes().size())
        .mapToObj(i -> new Problem.FieldError("/couponCodes/" + i, "is not a known coupon")).toList();
    return Future.failedFuture(new Problem(ErrorCode.UNPROCESSABLE, "A coupon does not apply.", errors).toException());
  }
}
