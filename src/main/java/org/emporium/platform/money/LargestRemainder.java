package org.emporium.platform.money;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Splits an integer amount by ratios so the parts add up exactly (largest-remainder method). */
final class LargestRemainder {

  /** Beyond this many parts the leftover units are handed out by sorting rather than by repeated search. */
  private static final int SELECTED_IN_PLACE = 64;

  private LargestRemainder() {
  }

  /**
   * Parts proportional to {@code ratios}; the units lost to truncation go one each to the parts with
   * the largest remainders, ties to the earliest. The sign is split off first so that
   * {@code split(-a) == -split(a)} and a negative total never rounds away from zero unevenly.
   */
  static long[] split(long amount, long[] ratios) {
    BigInteger total = validatedTotal(ratios);
    long[] parts = total.bitLength() < Long.SIZE ? inLongs(amount, ratios, total.longValue()) : null;
    return parts != null ? parts : exactly(amount, ratios, total);
  }

  /** Parts a cart usually needs, also what {@link #exactly} would give; null where a long would overflow. */
  static long[] inLongs(long amount, long[] ratios, long total) {
    if (amount == Long.MIN_VALUE || ratios.length > SELECTED_IN_PLACE) {
      return null;
    }
    long magnitude = Math.abs(amount);
    long[] parts = new long[ratios.length];
    long[] remainders = new long[ratios.length];
    long handedOut = 0;
    for (int i = 0; i < ratios.length; i++) {
      long product = magnitude * ratios[i];
      if (Math.multiplyHigh(magnitude, ratios[i]) != 0 || product < 0) {
        return null;
      }
      parts[i] = product / total;
      remainders[i] = product % total;
      handedOut += parts[i];
    }
    // at most ratios.length - 1 units left: one each to the largest remainders, ties to the earliest
    for (long leftOver = magnitude - handedOut; leftOver > 0; leftOver--) {
      int largest = 0;
      for (int i = 1; i < ratios.length; i++) {
        if (remainders[i] > remainders[largest]) {
          largest = i;
        }
      }
      parts[largest]++;
      remainders[largest] = -1;
    }
    if (amount < 0) {
      for (int i = 0; i < parts.length; i++) {
        parts[i] = -parts[i];
      }
    }
    return parts;
  }

  /** Any amount and ratios, in arbitrary precision. */
  static long[] exactly(long amount, long[] ratios, BigInteger total) {
    // amount * ratio can need up to 126 bits and |Long.MIN_VALUE| needs 64.
    BigInteger magnitude = BigInteger.valueOf(amount).abs();
    BigInteger[] quotients = new BigInteger[ratios.length];
    BigInteger[] remainders = new BigInteger[ratios.length];
    BigInteger handedOut = BigInteger.ZERO;
    for (int i = 0; i < ratios.length; i++) {
      BigInteger[] qr = magnitude.multiply(BigInteger.valueOf(ratios[i])).divideAndRemainder(total);
      quotients[i] = qr[0];
      remainders[i] = qr[1];
      handedOut = handedOut.add(qr[0]);
    }
    // Fewer than ratios.length units are left over, and only parts with a non-zero remainder get one.
    int leftOver = magnitude.subtract(handedOut).intValueExact();
    IntStream.range(0, ratios.length).boxed()
        .sorted(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i))
        .limit(leftOver)
        .forEach(i -> quotients[i] = quotients[i].add(BigInteger.ONE));
    return Arrays.stream(quotients)
        .mapToLong(q -> (amount < 0 ? q.negate() : q).longValueExact())
        .toArray();
  }

  private static BigInteger validatedTotal(long[] ratios) {
    if (ratios.length == 0) {
      throw new IllegalArgumentException("At least one ratio is needed to allocate money");
    }
    BigInteger total = BigInteger.ZERO;
    for (long ratio : ratios) {
      if (ratio < 0) {
        throw new IllegalArgumentException("Allocation ratios must not be negative: " + Arrays.toString(ratios));
      }
      total = total.add(BigInteger.valueOf(ratio));
    }
    if (total.signum() == 0) {
      throw new IllegalArgumentException("Allocation ratios must not all be zero");
    }
    return total;
  }
}
