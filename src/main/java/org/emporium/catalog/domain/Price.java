package org.emporium.catalog.domain;

/** A variant's price in one currency, in minor units; {@code compareAt} is the struck-through price or null. */
public record Price(String currency, long amount, Long compareAt) {
}
