package org.emporium.inventory.domain;

import java.util.List;
import java.util.UUID;

/**
 * Reserve all of {@code lines} or none, for {@code reference} (a checkout or order id) in
 * {@code region}, for {@code ttlSeconds}. The id makes retries safe: a repeated id gets the first outcome.
 */
public record ReservationRequest(UUID id, String reference, String region, List<ReservationLine> lines,
    long ttlSeconds) {

  public ReservationRequest {
    lines = List.copyOf(lines);
  }
}
