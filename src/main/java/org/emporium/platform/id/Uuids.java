package org.emporium.platform.id;

import java.util.UUID;

/** Reading ids from untrusted input. */
public final class Uuids {

  private Uuids() {
  }

  /** The UUID a value spells in its canonical 36-character form, else null. */
  public static UUID parse(Object value) {
    if (value instanceof String text && text.length() == 36) {
      try {
        return UUID.fromString(text);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }
}
