package org.emporium.pricing.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * When a promotion may be used: from {@code from} (inclusive) until {@code until} (exclusive), both
 * wall-clock times in an IANA zone, so "until 2027-01-01T00:00 Asia/Bangkok" ends at Bangkok's
 * midnight whatever the server's zone. A null end is open. A local time in a daylight-saving gap or
 * overlap resolves as {@link java.time.ZonedDateTime#of} does (the gap moves forward, the overlap
 * takes the earlier offset).
 */
public record Validity(LocalDateTime from, LocalDateTime until, ZoneId zone) {

  public static final Validity ALWAYS = new Validity(null, null, ZoneId.of("UTC"));

  /** Where {@code instant} lies relative to the window. */
  public enum State {
    NOT_YET,
    OPEN,
    ENDED
  }

  public State at(Instant instant) {
    if (from != null && instant.isBefore(from.atZone(zone).toInstant())) {
      return State.NOT_YET;
    }
    if (until != null && !instant.isBefore(until.atZone(zone).toInstant())) {
      return State.ENDED;
    }
    return State.OPEN;
  }
}
