package org.emporium.customer.domain;

/** One offending field of a request, named by its JSON pointer ({@code /preferences/timeZone}). */
public record Violation(String field, String message) {
}
