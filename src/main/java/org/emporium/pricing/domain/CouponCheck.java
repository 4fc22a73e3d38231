package org.emporium.pricing.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Checks the coupon codes of one request, in the order entered: each is either accepted or refused
 * with the first reason that applies. {@code lines} are absent when a code is checked on its own
 * (applying it to a cart); then the conditions on lines are left for the quote.
 */
public record CouponCheck(String currency, Instant at, Shopper shopper, Optional<List<DiscountLine>> lines) {

  /** A code that applies, at its index in the request. */
  public record Accepted(int index, String code, Promotion promotion) {
  }

  public record Outcome(List<Accepted> accepted, List<Refusal> refusals) {

    public Outcome {
      accepted = List.copyOf(accepted);
      refusals = List.copyOf(refusals);
    }
  }

  /** {@code promotions} holds the promotion of each known code, by normalised code. */
  public Outcome check(List<String> codes, Map<String, Promotion> promotions) {
    List<Accepted> accepted = new ArrayList<>();
    List<Refusal> refusals = new ArrayList<>();
    Set<String> seenCodes = new HashSet<>();
    Map<UUID, String> seenPromotions = new HashMap<>();
    Map<DiscountKind, String> kinds = new HashMap<>();
    for (int i = 0; i < codes.size(); i++) {
      String code = CouponCodes.normalise(codes.get(i));
      Promotion promotion = CouponCodes.isValid(code) ? promotions.get(code) : null;
      Optional<Refusal> refusal;
      if (promotion == null) {
        refusal = refuse(i, Refusal.Reason.UNKNOWN, (CouponCodes.isValid(code) ? code : shown(codes.get(i)))
            + " is not a known coupon.");
      } else if (!seenCodes.add(code)) {
        refusal = refuse(i, Refusal.Reason.REPEATED, code + " is entered twice.");
      } else if (seenPromotions.containsKey(promotion.id())) {
        refusal = refuse(i, Refusal.Reason.REPEATED, code + " gives the same promotion as "
            + seenPromotions.get(promotion.id()) + ".");
      } else if (kinds.containsKey(promotion.kind())) {
        refusal = refuse(i, Refusal.Reason.SAME_KIND, code + " cannot be combined with " + kinds.get(promotion.kind())
            + ": one " + label(promotion.kind()) + " coupon per order.");
      } else {
        int index = i;
        refusal = usable(index, code, promotion).or(() -> meets(index, code, promotion));
      }
      if (refusal.isPresent()) {
        refusals.add(refusal.get());
      } else {
        accepted.add(new Accepted(i, code, promotion));
        seenPromotions.put(promotion.id(), code);
        kinds.put(promotion.kind(), code);
      }
    }
    return new Outcome(accepted, refusals);
  }

  private Optional<Refusal> usable(int index, String code, Promotion promotion) {
    PromotionDefinition definition = promotion.definition();
    if (!definition.active()) {
      return refuse(index, Refusal.Reason.INACTIVE, code + " is no longer valid.");
    }
    Validity.State state = definition.validity().at(at);
    if (state == Validity.State.NOT_YET) {
      return refuse(index, Refusal.Reason.NOT_YET_VALID, code + " is not valid yet.");
    }
    if (state == Validity.State.ENDED) {
      return refuse(index, Refusal.Reason.EXPIRED, code + " has expired.");
    }
    if (!promotion.usableIn(currency)) {
      return refuse(index, Refusal.Reason.OTHER_CURRENCY, code + " cannot be used in " + currency + ".");
    }
    if (promotion.exhausted()) {
      return Optional.of(limitReached(Refusal.Reason.EXHAUSTED, new Accepted(index, code, promotion)));
    }
    Integer perCustomer = definition.limits().perCustomer();
    boolean firstOrder = definition.conditions().firstOrder();
    if ((perCustomer != null || firstOrder) && shopper.customerId().isEmpty()) {
      return refuse(index, Refusal.Reason.SIGN_IN, code + " needs a signed-in customer.");
    }
    if (perCustomer != null && shopper.uses(promotion.id()) >= perCustomer) {
      return Optional.of(limitReached(Refusal.Reason.CUSTOMER_LIMIT, new Accepted(index, code, promotion)));
    }
    if (firstOrder && shopper.priorOrders() > 0) {
      return Optional.of(limitReached(Refusal.Reason.NOT_FIRST_ORDER, new Accepted(index, code, promotion)));
    }
    return Optional.empty();
  }

  /**
   * A limit reached by a code that was accepted: all its uses taken ({@code EXHAUSTED}), the customer's
   * ({@code CUSTOMER_LIMIT}) or not a first order any more ({@code NOT_FIRST_ORDER}).
   */
  public static Refusal limitReached(Refusal.Reason reason, Accepted coupon) {
    String code = coupon.code();
    Integer perCustomer = coupon.promotion().definition().limits().perCustomer();
    String message = switch (reason) {
      case EXHAUSTED -> code + " has been used up.";
      case CUSTOMER_LIMIT -> code + " has been used " + perCustomer + (perCustomer != null && perCustomer == 1
          ? " time" : " times") + " by this customer, as often as it may.";
      case NOT_FIRST_ORDER -> code + " is only for a first order.";
      default -> throw new IllegalArgumentException("not a limit: " + reason);
    };
    return new Refusal(coupon.index(), reason, message);
  }

  private Optional<Refusal> meets(int index, String code, Promotion promotion) {
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    Conditions conditions = promotion.definition().conditions();
    List<DiscountLine> eligible = lines.get().stream().filter(conditions::covers).toList();
    if (eligible.isEmpty()) {
      return refuse(index, Refusal.Reason.NO_ELIGIBLE_LINES, code + " applies to none of these items.");
    }
    Long minimum = conditions.minSubtotal().get(currency);
    long subtotal = eligible.stream().mapToLong(DiscountLine::amount).sum();
    if (minimum != null && subtotal < minimum) {
      String amount = BigDecimal.valueOf(minimum, Currency.getInstance(currency).getDefaultFractionDigits())
          .toPlainString();
      return refuse(index, Refusal.Reason.BELOW_MINIMUM, code + " needs at least " + currency + " " + amount
          + (conditions.categoryIds().isEmpty() && conditions.skus().isEmpty() ? "" : " of eligible items") + ".");
    }
    return Optional.empty();
  }

  private static Optional<Refusal> refuse(int index, Refusal.Reason reason, String message) {
    return Optional.of(new Refusal(index, reason, message));
  }

  private static String shown(String entered) {
    String text = entered == null ? "" : entered.strip();
    return text.length() > CouponCodes.MAX_LENGTH ? text.substring(0, CouponCodes.MAX_LENGTH) + "..." : text;
  }

  static String label(DiscountKind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
