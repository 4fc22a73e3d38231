package org.emporium.pricing.application;

import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.Problems;
import org.emporium.pricing.domain.PromotionRejection;
import org.emporium.pricing.domain.Violation;

import java.util.List;

/**
 * The one place where rejections of promotions and coupons become problems (HTTP, event bus, and the
 * {@link Discounting} contract, whose callers receive the problem itself).
 */
public final class PromotionProblems {

  private PromotionProblems() {
  }

  public static Throwable of(Throwable failure) {
    if (failure instanceof PromotionRejected rejected) {
      return problem(rejected.rejection()).toException();
    }
    return Problems.from(failure).toException();
  }

  public static Problem problem(PromotionRejection rejection) {
    if (rejection instanceof PromotionRejection.Invalid invalid) {
      return Problem.invalid("The request is not valid.", fields(invalid.violations()));
    }
    if (rejection instanceof PromotionRejection.NotFound notFound) {
      return Problem.of(ErrorCode.NOT_FOUND, notFound.detail());
    }
    if (rejection instanceof PromotionRejection.Conflict conflict) {
      return new Problem(ErrorCode.CONFLICT, conflict.detail(), fields(conflict.violations()));
    }
    List<Violation> refused = ((PromotionRejection.Refused) rejection).violations();
    String detail = refused.size() == 1 ? refused.get(0).message()
        : refused.size() + " coupon codes do not apply: " + refused.get(0).message();
    return new Problem(ErrorCode.UNPROCESSABLE, detail, fields(refused));
  }

  private static List<Problem.FieldError> fields(List<Violation> violations) {
    return violations.stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList();
  }
}
