package org.emporium.pricing.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** How accepted coupons combine into amounts, and where a validity window begins and ends. */
class StackingTest {

  private static final Currency EUR = Currency.getInstance("EUR");
  private static final List<DiscountLine> LINES = List.of(
      new DiscountLine("BOOT-42", List.of("root", "shoes"), 1, 8_000),
      new DiscountLine("SOCK-1", List.of("root", "socks"), 3, 1_500),
      new DiscountLine("HAT-7", List.of("root", "hats"), 1, 2_001));

  private static CouponCheck.Accepted accepted(int index, TestPromotion promotion) {
    return new CouponCheck.Accepted(index, promotion.code(), promotion.promotion());
  }

  @Test
  void percentOffRoundsHalfEvenOnTheEligibleLines() {
    TestPromotion tenOff = TestPromotion.percent("12.5", "TEN").withConditions(Map.of(), Set.of("shoes", "hats"),
        Set.of(), false);
    Discounts discounts = Stacking.apply(EUR, LINES, List.of(accepted(0, tenOff)));
    // 12.5% of 100.01 = 12.50125, rounded to 12.50
    assertThat(discounts.discounts()).singleElement().satisfies(d -> {
      assertThat(d.amount()).isEqualTo(1_250);
      assertThat(d.kind()).isEqualTo(DiscountKind.PERCENT_OFF);
      assertThat(d.skus()).containsExactly("BOOT-42", "HAT-7");
      assertThat(d.promotionId()).isEqualTo(tenOff.promotion().id().toString());
    });
    assertThat(discounts.freeShipping()).isFalse();
  }

  @Test
  void percentFirstThenFixedOnWhatRemainsThenFreeShipping() {
    TestPromotion half = TestPromotion.percent("50", "HALF").withConditions(Map.of(), Set.of(), Set.of("BOOT-42"), false);
    TestPromotion fifty = TestPromotion.fixed(Map.of("EUR", 5_000L), "FIFTY")
        .withConditions(Map.of(), Set.of("shoes", "socks"), Set.of(), false);
    TestPromotion ship = TestPromotion.freeShipping("SHIP");

    Discounts discounts = Stacking.apply(EUR, LINES, List.of(accepted(0, ship), accepted(1, fifty), accepted(2, half)));

    assertThat(discounts.discounts()).extracting(Discount::code).containsExactly("HALF", "FIFTY", "SHIP");
    assertThat(discounts.discounts()).extracting(Discount::amount).containsExactly(4_000L, 5_000L, 0L);
    assertThat(discounts.discounts().get(2).skus()).containsExactly("BOOT-42", "SOCK-1", "HAT-7");
    assertThat(discounts.freeShipping()).isTrue();
  }

  @Test
  void aDiscountNeverTakesMoreThanRemainsOfItsLines() {
    TestPromotion all = TestPromotion.percent("100", "ALL").withConditions(Map.of(), Set.of("socks"), Set.of(), false);
    TestPromotion more = TestPromotion.fixed(Map.of("EUR", 999_999L), "MORE")
        .withConditions(Map.of(), Set.of("socks", "hats"), Set.of(), false);

    Discounts discounts = Stacking.apply(EUR, LINES, List.of(accepted(0, more), accepted(1, all)));

    // socks are free after ALL, so MORE can take only the hat's 20.01
    assertThat(discounts.discounts()).extracting(Discount::amount).containsExactly(1_500L, 2_001L);
    long total = LINES.stream().mapToLong(DiscountLine::amount).sum();
    assertThat(discounts.discounts().stream().mapToLong(Discount::amount).sum()).isLessThanOrEqualTo(total);
  }

  @Test
  void aFixedAmountInAZeroDecimalCurrency() {
    Currency jpy = Currency.getInstance("JPY");
    TestPromotion yen = TestPromotion.fixed(Map.of("JPY", 500L), "YEN");
    Discounts discounts = Stacking.apply(jpy, List.of(new DiscountLine("A", List.of(), 1, 300),
        new DiscountLine("B", List.of(), 1, 700)), List.of(accepted(0, yen)));
    assertThat(discounts.discounts()).extracting(Discount::amount).containsExactly(500L);
  }

  @Test
  void aWindowEndsAtMidnightInItsOwnZoneAndSurvivesDaylightSavingGaps() {
    ZoneId bangkok = ZoneId.of("Asia/Bangkok");
    Validity december = new Validity(null, LocalDateTime.of(2027, 1, 1, 0, 0), bangkok);
    assertThat(december.at(Instant.parse("2026-12-31T16:59:59Z"))).isEqualTo(Validity.State.OPEN);
    assertThat(december.at(Instant.parse("2026-12-31T17:00:00Z"))).isEqualTo(Validity.State.ENDED);
    // 02:30 does not exist in Paris on 2027-03-28: the window opens at 03:30 local (01:30 UTC)
    Validity spring = new Validity(LocalDateTime.of(2027, 3, 28, 2, 30), null, ZoneId.of("Europe/Paris"));
    assertThat(spring.at(Instant.parse("2027-03-28T01:29:59Z"))).isEqualTo(Validity.State.NOT_YET);
    assertThat(spring.at(Instant.parse("2027-03-28T01:30:00Z"))).isEqualTo(Validity.State.OPEN);
  }
}
