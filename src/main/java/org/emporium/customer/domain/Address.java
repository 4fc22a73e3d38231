package org.emporium.customer.domain;

import java.time.Instant;
import java.util.UUID;

/** A saved address of one customer's address book. */
public record Address(UUID id, UUID customerId, AddressLines lines, Instant createdAt, Instant updatedAt) {
}
