package org.emporium.ordering.application;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a page of orders ended: the last order's creation time (microseconds, as stored) and id.
 * Opaque to clients: base64url of {@code micros:id}.
 */
public record OrderCursor(Instant createdAt, UUID id) {

  public String encode() {
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((micros + ":" + id).getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor a client sent back, or empty when it is not one of ours. */
  public static Optional<OrderCursor> decode(String text) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      int colon = plain.indexOf(':');
      long micros = Long.parseLong(plain.substring(0, colon));
      return Optional.of(new OrderCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS),
          UUID.fromString(plain.substring(colon + 1))));
    } catch (IllegalArgumentException | IndexOutOfBoundsException | ArithmeticException
        | java.time.DateTimeException e) {
      return Optional.empty();
    }
  }
}
