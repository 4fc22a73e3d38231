package org.emporium.customer.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * A profile's default shipping and billing addresses. An address book that is not empty always
 * has both: the first address becomes both, a default can be moved to another address but not
 * unset, and deleting a default moves it to the newest remaining address.
 */
public record Defaults(UUID shipping, UUID billing) {

  /** After saving {@code address}: it takes a default it asked for, or one nobody holds. */
  public Defaults afterSave(UUID address, boolean makeDefault, boolean makeDefaultBilling) {
    return new Defaults(makeDefault || shipping == null ? address : shipping,
        makeDefaultBilling || billing == null ? address : billing);
  }

  /** After deleting {@code address}; {@code newestRemaining} is null when the book is now empty. */
  public Defaults afterDelete(UUID address, UUID newestRemaining) {
    return new Defaults(address.equals(shipping) ? newestRemaining : shipping,
        address.equals(billing) ? newestRemaining : billing);
  }

  public boolean differsFrom(Defaults other) {
    return !Objects.equals(shipping, other.shipping) || !Objects.equals(billing, other.billing);
  }
}
