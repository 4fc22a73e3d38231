package org.emporium.inventory.application;

import org.emporium.inventory.domain.Allocation;

import java.util.List;

/**
 * What a shard did with a {@link LineRequest}: {@code reserved} (with its allocations),
 * {@code insufficient}, {@code unknown}, {@code duplicate} (the reservation id was recorded
 * before) or {@code closed} (the multi-line reservation is no longer pending).
 */
public record LineOutcome(String outcome, List<Allocation> allocations) {

  public static final String RESERVED = "reserved";
  public static final String DUPLICATE = "duplicate";

  public LineOutcome {
    allocations = List.copyOf(allocations);
  }

  public boolean reserved() {
    return RESERVED.equals(outcome);
  }
}
