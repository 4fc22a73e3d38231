package org.emporium.payment.domain;

/** One invalid field of a request: a JSON pointer and what is wrong. */
public record Violation(String field, String message) {
}
