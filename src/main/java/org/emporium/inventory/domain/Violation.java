package org.emporium.inventory.domain;

/** One thing wrong with a request: the field (a JSON pointer or parameter name) and why. */
public record Violation(String field, String message) {
}
