package org.emporium.customer.application;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a page of addresses ended: the sort key of its last address (1 for the default address,
 * 0 for the others; then the id, newest first). Opaque to clients: base64url of {@code rank:id}.
 */
public record AddressCursor(int rank, UUID id) {

  public String encode() {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((rank + ":" + id).getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor a client sent back, or empty when it is not one of ours. */
  public static Optional<AddressCursor> decode(String text) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      int colon = plain.indexOf(':');
      int rank = Integer.parseInt(plain.substring(0, colon));
      if (rank != 0 && rank != 1) {
        return Optional.empty();
      }
      return Optional.of(new AddressCursor(rank, UUID.fromString(plain.substring(colon + 1))));
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }
}
