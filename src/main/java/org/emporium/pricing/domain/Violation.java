package org.emporium.pricing.domain;

/** One offending field of a request, named by its JSON pointer ({@code /rates/0/rate}). */
public record Violation(String field, String message) {
}
