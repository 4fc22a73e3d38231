package org.emporium.pricing.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** TestPromotion for domain tests, built by kind and then narrowed with the {@code with*} copies. */
record TestPromotion(Promotion promotion) {

  static TestPromotion percent(String percent, String code) {
    return of(DiscountKind.PERCENT_OFF, new BigDecimal(percent), Map.of(), code);
  }

  static TestPromotion fixed(Map<String, Long> amounts, String code) {
    return of(DiscountKind.FIXED_AMOUNT, null, amounts, code);
  }

  static TestPromotion freeShipping(String code) {
    return of(DiscountKind.FREE_SHIPPING, null, Map.of(), code);
  }

  private static TestPromotion of(DiscountKind kind, BigDecimal percent, Map<String, Long> amounts, String code) {
    PromotionDefinition definition = new PromotionDefinition("Test", null, kind, percent, amounts, Conditions.NONE,
        Validity.ALWAYS, UsageLimits.NONE, List.of(code), true);
    return new TestPromotion(new Promotion(UUID.randomUUID(), definition, 0, 1, Instant.EPOCH, Instant.EPOCH));
  }

  TestPromotion withConditions(Map<String, Long> minSubtotal, Set<String> categories, Set<String> skus, boolean first) {
    return with(new Conditions(minSubtotal, categories, skus, first), definition().validity(), definition().limits(),
        definition().active(), promotion.used());
  }

  TestPromotion withValidity(Validity validity) {
    return with(definition().conditions(), validity, definition().limits(), definition().active(), promotion.used());
  }

  TestPromotion withLimits(Integer total, Integer perCustomer, int used) {
    return with(definition().conditions(), definition().validity(), new UsageLimits(total, perCustomer),
        definition().active(), used);
  }

  TestPromotion inactive() {
    return with(definition().conditions(), definition().validity(), definition().limits(), false, promotion.used());
  }

  String code() {
    return definition().codes().get(0);
  }

  private PromotionDefinition definition() {
    return promotion.definition();
  }

  private TestPromotion with(Conditions conditions, Validity validity, UsageLimits limits, boolean active, int used) {
    PromotionDefinition d = definition();
    return new TestPromotion(new Promotion(promotion.id(), new PromotionDefinition(d.name(), d.description(), d.kind(),
        d.percent(), d.amountOff(), conditions, validity, limits, d.codes(), active), used, 1, Instant.EPOCH,
        Instant.EPOCH));
  }
}
