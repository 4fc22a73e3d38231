package org.emporium.ordering.domain;

/** One bad field of a request: a JSON pointer and what is wrong with it. */
public record Violation(String field, String message) {
}
