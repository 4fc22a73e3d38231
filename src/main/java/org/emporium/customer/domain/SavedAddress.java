package org.emporium.customer.domain;

/** An address as its owner sees it: with whether it is the default shipping or billing address. */
public record SavedAddress(Address address, boolean isDefault, boolean isDefaultBilling) {

  public static SavedAddress of(Address address, Defaults defaults) {
    return new SavedAddress(address, address.id().equals(defaults.shipping()),
        address.id().equals(defaults.billing()));
  }
}
