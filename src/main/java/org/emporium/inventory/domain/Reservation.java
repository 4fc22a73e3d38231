package org.emporium.inventory.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A reservation as recorded: what was asked, where it stands, what it holds or why it was refused. */
public record Reservation(UUID id, String reference, String region, ReservationStatus status,
    List<ReservationLine> lines, List<Allocation> allocations, List<Shortage> shortages, Instant expiresAt) {

  public Reservation {
    lines = List.copyOf(lines);
    allocations = List.copyOf(allocations);
    shortages = List.copyOf(shortages);
  }
}
