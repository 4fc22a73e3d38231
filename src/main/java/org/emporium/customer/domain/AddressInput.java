package org.emporium.customer.domain;

/** An address to save, and whether it should become the default shipping or billing address. */
public record AddressInput(AddressLines lines, boolean makeDefault, boolean makeDefaultBilling) {
}
