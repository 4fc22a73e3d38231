package org.emporium.payment.domain;

/** What is kept of a card: its brand and last four digits, never the number. */
public record Card(String brand, String last4) {
}
