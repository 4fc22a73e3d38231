package org.emporium.payment.application;

import java.util.UUID;

/** One call to the provider as recorded: its idempotency key, what it was and how it ended. */
public record ProviderOperation(String key, UUID paymentId, String kind, long amount, String outcome,
    String reference) {
}
