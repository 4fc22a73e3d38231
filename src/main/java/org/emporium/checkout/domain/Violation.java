package org.emporium.checkout.domain;

/** A field of the request that is not acceptable: a JSON pointer and what is wrong. */
public record Violation(String field, String message) {
}
