package org.emporium.pricing.domain;

import java.util.List;

/** Why a promotion or coupon request is refused; mapped to a problem in one place. Nothing was changed. */
public sealed interface PromotionRejection {

  /** The request breaks field rules (400). */
  record Invalid(List<Violation> violations) implements PromotionRejection {
    public Invalid {
      violations = List.copyOf(violations);
    }
  }

  /** No promotion has this id (404). */
  record NotFound(String detail) implements PromotionRejection {
  }

  /** The request clashes with the stored state: a code of another promotion, a released order (409). */
  record Conflict(String detail, List<Violation> violations) implements PromotionRejection {
    public Conflict {
      violations = List.copyOf(violations);
    }
  }

  /** Coupon codes that do not apply, each named by its field (422). */
  record Refused(List<Violation> violations) implements PromotionRejection {
    public Refused {
      violations = List.copyOf(violations);
    }

    /** Each refusal under {@code pointer}: {@code /couponCodes/1}, or {@code /code} for a single code. */
    public static Refused of(String pointer, boolean indexed, List<Refusal> refusals) {
      return new Refused(refusals.stream().map(r -> new Violation(indexed ? pointer + "/" + r.index() : pointer,
          r.message())).toList());
    }
  }
}
