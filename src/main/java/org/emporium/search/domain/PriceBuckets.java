package org.emporium.search.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The price ranges of the facet: fixed edges in major units (10, 25, 50, 100, ...) scaled to the
 * currency's minor units, so a range means the same to a shopper in every currency.
 */
public final class PriceBuckets {

  private static final long[] MAJOR_EDGES = {10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000};

  private final long[] edges;

  public PriceBuckets(int fractionDigits) {
    long scale = (long) Math.pow(10, Math.max(0, fractionDigits));
    edges = new long[MAJOR_EDGES.length];
    for (int i = 0; i < MAJOR_EDGES.length; i++) {
      edges[i] = MAJOR_EDGES[i] * scale;
    }
  }

  /** How many buckets there are: one below the first edge, one between each pair, one open above. */
  public int size() {
    return edges.length + 1;
  }

  public int bucketOf(long amount) {
    for (int i = 0; i < edges.length; i++) {
      if (amount < edges[i]) {
        return i;
      }
    }
    return edges.length;
  }

  /** Bucket {@code i}'s inclusive lower bound. */
  public long min(int i) {
    return i == 0 ? 0 : edges[i - 1];
  }

  /** Bucket {@code i}'s exclusive upper bound, or null for the open last bucket. */
  public Long max(int i) {
    return i < edges.length ? edges[i] : null;
  }

  public List<Integer> nonEmpty(long[] counts) {
    List<Integer> result = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        result.add(i);
      }
    }
    return result;
  }
}
