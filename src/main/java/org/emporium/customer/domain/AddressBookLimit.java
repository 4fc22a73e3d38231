package org.emporium.customer.domain;

import java.util.Optional;

/** How many addresses one customer may keep. */
public record AddressBookLimit(int max) {

  public AddressBookLimit {
    if (max < 1) {
      throw new IllegalArgumentException("an address book holds at least one address");
    }
  }

  /** A rejection when a book of {@code count} addresses cannot take one more. */
  public Optional<Rejection> admitOneMore(int count) {
    return count < max ? Optional.empty() : Optional.of(new Rejection.AddressBookFull(max));
  }
}
