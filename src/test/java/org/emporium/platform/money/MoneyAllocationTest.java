package org.emporium.platform.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyAllocationTest {

  private static final Currency USD = Currency.getInstance("USD");

  private static List<Long> minor(List<Money> parts) {
    return parts.stream().map(Money::amountMinor).toList();
  }

  @Test
  void leftoverUnitsGoToTheLargestRemaindersThenTheEarliestParts() {
    assertThat(minor(Money.ofMinor(100, USD).allocate(3))).containsExactly(34L, 33L, 33L);
    assertThat(minor(Money.ofMinor(-100, USD).allocate(3))).containsExactly(-34L, -33L, -33L);
    assertThat(minor(Money.ofMinor(1, USD).allocate(3))).containsExactly(1L, 0L, 0L);
    assertThat(minor(Money.ofMinor(-1, USD).allocate(1, 2))).containsExactly(0L, -1L);
    assertThat(minor(Money.ofMinor(5, USD).allocate(3, 7))).containsExactly(2L, 3L);
    assertThat(minor(Money.ofMinor(3, USD).allocate(1, 0, 1))).containsExactly(2L, 0L, 1L);
    assertThat(minor(Money.ofMinor(0, USD).allocate(1, 1))).containsExactly(0L, 0L);
    assertThat(Money.ofMinor(100, USD).allocate(70, 30)).extracting(Money::currency).containsOnly(USD);
  }

  @Test
  void partsAlwaysSumToTheOriginalAndStayWithinOneUnitOfTheirShare() {
    SplittableRandom random = new SplittableRandom(20240917);
    for (int round = 0; round < 5_000; round++) {
      long amount = switch (round % 4) {
        case 0 -> random.nextLong(-3, 4); // includes +-1 minor unit
        case 1 -> random.nextLong(-1_000_000, 1_000_000);
        case 2 -> random.nextLong();
        default -> round % 8 == 3 ? Long.MAX_VALUE : Long.MIN_VALUE;
      };
      long[] ratios = new long[random.nextInt(1, 9)];
      long bound = round % 3 == 0 ? Long.MAX_VALUE / ratios.length : 1_000;
      for (int i = 0; i < ratios.length; i++) {
        ratios[i] = random.nextInt(4) == 0 ? 0 : random.nextLong(bound);
      }
      ratios[random.nextInt(ratios.length)] += 1; // never all zero
      assertExactSplit(amount, ratios);
    }
  }

  private static void assertExactSplit(long amount, long[] ratios) {
    List<Long> parts = minor(Money.ofMinor(amount, USD).allocate(ratios));
    assertThat(parts).hasSize(ratios.length);
    BigDecimal total = BigDecimal.ZERO;
    for (long ratio : ratios) {
      total = total.add(BigDecimal.valueOf(ratio));
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < ratios.length; i++) {
      long part = parts.get(i);
      BigDecimal share = BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(ratios[i]))
          .divide(total, MathContext.DECIMAL128);
      assertThat(BigDecimal.valueOf(part).subtract(share).abs()).as("part %d of %d by %s", i, amount, parts)
          .isLessThan(BigDecimal.ONE);
      assertThat(part == 0 || Long.signum(part) == Long.signum(amount)).isTrue();
      if (ratios[i] == 0) {
        assertThat(part).isZero();
      }
      sum = sum.add(BigDecimal.valueOf(part));
    }
    assertThat(sum.longValueExact()).as("sum of %s", parts).isEqualTo(amount);
  }

  @Test
  void theLongArithmeticGivesWhatTheExactArithmeticGives() {
    SplittableRandom random = new SplittableRandom(20261121);
    int inLongs = 0;
    for (int round = 0; round < 20_000; round++) {
      long amount = switch (round % 3) {
        case 0 -> random.nextLong(-10_000, 10_000);
        case 1 -> random.nextLong(-10_000_000_000L, 10_000_000_000L);
        default -> random.nextLong();
      };
      long[] ratios = new long[random.nextInt(1, round % 50 == 0 ? 80 : 9)];
      long bound = round % 5 == 0 ? Long.MAX_VALUE / ratios.length : round % 5 == 1 ? 3 : 100_000;
      long total = 0;
      for (int i = 0; i < ratios.length; i++) {
        ratios[i] = random.nextInt(4) == 0 ? 0 : random.nextLong(bound);
        total += ratios[i];
      }
      if (total == 0) {
        ratios[0] = 1;
        total = 1;
      }
      long[] fast = LargestRemainder.inLongs(amount, ratios, total);
      if (fast != null) {
        inLongs++;
        assertThat(fast).as("%d by %s", amount, Arrays.toString(ratios))
            .containsExactly(LargestRemainder.exactly(amount, ratios, BigInteger.valueOf(total)));
      }
    }
    // the comparison ran for most rounds, and overflowing ones were left to the exact arithmetic
    assertThat(inLongs).isBetween(10_000, 19_000);
  }

  @Test
  void badRatiosAreRejected() {
    Money money = Money.ofMinor(100, USD);
    assertThatThrownBy(() -> money.allocate(new long[0])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> money.allocate(0, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("all be zero");
    assertThatThrownBy(() -> money.allocate(1, -1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> money.allocate(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
