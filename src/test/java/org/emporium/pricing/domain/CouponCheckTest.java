package org.emporium.pricing.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every refusal reason of a coupon code, in the order they are checked. */
class CouponCheckTest {

  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
  private static final UUID CUSTOMER = UUID.randomUUID();
  private static final List<DiscountLine> LINES = List.of(
      new DiscountLine("BOOT-42", List.of("root", "shoes", "boots"), 1, 8_000),
      new DiscountLine("SOCK-1", List.of("root", "socks"), 3, 1_500));

  private static CouponCheck.Outcome check(Shopper shopper, Optional<List<DiscountLine>> lines, String currency,
      TestPromotion... promotions) {
    Map<String, Promotion> byCode = new HashMap<>();
    Arrays.stream(promotions).forEach(p -> byCode.put(p.code(), p.promotion()));
    List<String> codes = Arrays.stream(promotions).map(p -> p.code().toLowerCase()).toList();
    return new CouponCheck(currency, NOW, shopper, lines).check(codes, byCode);
  }

  private static Refusal.Reason refusal(TestPromotion promotion) {
    return refusal(Shopper.GUEST, promotion);
  }

  private static Refusal.Reason refusal(Shopper shopper, TestPromotion promotion) {
    CouponCheck.Outcome outcome = check(shopper, Optional.of(LINES), "EUR", promotion);
    assertThat(outcome.refusals()).hasSize(1);
    return outcome.refusals().get(0).reason();
  }

  private static Shopper customer(int priorOrders, Map<UUID, Integer> uses) {
    return new Shopper(Optional.of(CUSTOMER), priorOrders, uses);
  }

  @Test
  void aCodeThatAppliesIsAcceptedWhateverItsCase() {
    TestPromotion tenOff = TestPromotion.percent("10", "TEN");
    CouponCheck.Outcome outcome = check(Shopper.GUEST, Optional.of(LINES), "EUR", tenOff);
    assertThat(outcome.refusals()).isEmpty();
    assertThat(outcome.accepted()).singleElement().satisfies(a -> {
      assertThat(a.code()).isEqualTo("TEN");
      assertThat(a.promotion()).isEqualTo(tenOff.promotion());
    });
  }

  @Test
  void unknownInactiveAndOutsideTheWindowAreRefused() {
    CouponCheck.Outcome unknown = new CouponCheck("EUR", NOW, Shopper.GUEST, Optional.empty())
        .check(List.of("nope", "not valid!"), Map.of());
    assertThat(unknown.refusals()).extracting(Refusal::reason).containsExactly(Refusal.Reason.UNKNOWN, Refusal.Reason.UNKNOWN);
    assertThat(refusal(TestPromotion.percent("10", "OFF").inactive())).isEqualTo(Refusal.Reason.INACTIVE);
    ZoneId paris = ZoneId.of("Europe/Paris");
    assertThat(refusal(TestPromotion.percent("10", "SOON").withValidity(
        new Validity(LocalDateTime.of(2026, 11, 21, 11, 0, 1), null, paris)))).isEqualTo(Refusal.Reason.NOT_YET_VALID);
    assertThat(refusal(TestPromotion.percent("10", "OVER").withValidity(
        new Validity(null, LocalDateTime.of(2026, 11, 21, 11, 0), paris)))).isEqualTo(Refusal.Reason.EXPIRED);
    assertThat(check(Shopper.GUEST, Optional.of(LINES), "EUR", TestPromotion.percent("10", "OPEN").withValidity(
        new Validity(LocalDateTime.of(2026, 11, 21, 11, 0), null, paris))).refusals()).as("from is inclusive").isEmpty();
  }

  @Test
  void aFixedAmountOrAMinimumOnlyAppliesInItsCurrencies() {
    TestPromotion euros = TestPromotion.fixed(Map.of("EUR", 500L), "FIVE");
    assertThat(check(Shopper.GUEST, Optional.of(LINES), "USD", euros).refusals()).extracting(Refusal::reason)
        .containsExactly(Refusal.Reason.OTHER_CURRENCY);
    TestPromotion percentWithMinimum = TestPromotion.percent("10", "MIN")
        .withConditions(Map.of("EUR", 100L), Set.of(), Set.of(), false);
    assertThat(check(Shopper.GUEST, Optional.of(LINES), "JPY", percentWithMinimum).refusals())
        .extracting(Refusal::reason).containsExactly(Refusal.Reason.OTHER_CURRENCY);
    assertThat(check(Shopper.GUEST, Optional.of(LINES), "JPY", TestPromotion.percent("10", "ANY")).refusals()).isEmpty();
  }

  @Test
  void limitsTotalPerCustomerAndFirstOrder() {
    assertThat(refusal(TestPromotion.percent("10", "GONE").withLimits(100, null, 100))).isEqualTo(Refusal.Reason.EXHAUSTED);
    TestPromotion once = TestPromotion.percent("10", "ONCE").withLimits(null, 1, 0);
    assertThat(refusal(once)).as("a guest cannot be counted").isEqualTo(Refusal.Reason.SIGN_IN);
    assertThat(refusal(customer(0, Map.of(once.promotion().id(), 1)), once)).isEqualTo(Refusal.Reason.CUSTOMER_LIMIT);
    assertThat(check(customer(0, Map.of()), Optional.of(LINES), "EUR", once).refusals()).isEmpty();
    TestPromotion welcome = TestPromotion.freeShipping("WELCOME").withConditions(Map.of(), Set.of(), Set.of(), true);
    assertThat(refusal(welcome)).isEqualTo(Refusal.Reason.SIGN_IN);
    assertThat(refusal(customer(1, Map.of()), welcome)).isEqualTo(Refusal.Reason.NOT_FIRST_ORDER);
    assertThat(check(customer(0, Map.of()), Optional.of(LINES), "EUR", welcome).refusals()).isEmpty();
  }

  @Test
  void conditionsOnLinesByCategoryOrSkuAndTheMinimumOfEligibleLines() {
    TestPromotion hats = TestPromotion.percent("10", "HATS").withConditions(Map.of(), Set.of("hats"), Set.of(), false);
    assertThat(refusal(hats)).isEqualTo(Refusal.Reason.NO_ELIGIBLE_LINES);
    assertThat(check(Shopper.GUEST, Optional.empty(), "EUR", hats).refusals())
        .as("without lines, conditions on lines wait for the quote").isEmpty();
    TestPromotion shoes = TestPromotion.percent("10", "SHOES").withConditions(Map.of("EUR", 8_001L), Set.of("shoes"),
        Set.of(), false);
    CouponCheck.Outcome below = check(Shopper.GUEST, Optional.of(LINES), "EUR", shoes);
    assertThat(below.refusals()).singleElement().satisfies(r -> {
      assertThat(r.reason()).isEqualTo(Refusal.Reason.BELOW_MINIMUM);
      assertThat(r.message()).isEqualTo("SHOES needs at least EUR 80.01 of eligible items.");
    });
    TestPromotion shoesOrSocks = TestPromotion.percent("10", "BOTH").withConditions(Map.of("EUR", 9_500L),
        Set.of("shoes"), Set.of("SOCK-1"), false);
    assertThat(check(Shopper.GUEST, Optional.of(LINES), "EUR", shoesOrSocks).refusals()).isEmpty();
  }

  @Test
  void oneCodePerKindAndEachPromotionOnce() {
    TestPromotion ten = TestPromotion.percent("10", "TEN");
    TestPromotion twenty = TestPromotion.percent("20", "TWENTY");
    TestPromotion five = TestPromotion.fixed(Map.of("EUR", 500L), "FIVE");
    CouponCheck.Outcome outcome = check(Shopper.GUEST, Optional.of(LINES), "EUR", ten, five, twenty);
    assertThat(outcome.accepted()).extracting(CouponCheck.Accepted::code).containsExactly("TEN", "FIVE");
    assertThat(outcome.refusals()).singleElement().satisfies(r -> {
      assertThat(r.index()).isEqualTo(2);
      assertThat(r.reason()).isEqualTo(Refusal.Reason.SAME_KIND);
      assertThat(r.message()).isEqualTo("TWENTY cannot be combined with TEN: one percent-off coupon per order.");
    });
    CouponCheck.Outcome twice = new CouponCheck("EUR", NOW, Shopper.GUEST, Optional.of(LINES))
        .check(List.of("TEN", "ten"), Map.of("TEN", ten.promotion()));
    assertThat(twice.refusals()).extracting(Refusal::message).containsExactly("TEN is entered twice.");
    CouponCheck.Outcome alias = new CouponCheck("EUR", NOW, Shopper.GUEST, Optional.of(LINES))
        .check(List.of("TEN", "TENNER"), Map.of("TEN", ten.promotion(), "TENNER", ten.promotion()));
    assertThat(alias.refusals()).singleElement().satisfies(r -> {
      assertThat(r.reason()).isEqualTo(Refusal.Reason.REPEATED);
      assertThat(r.message()).isEqualTo("TENNER gives the same promotion as TEN.");
    });
  }
}
