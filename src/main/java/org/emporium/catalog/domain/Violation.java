package org.emporium.catalog.domain;

/** One offending field of a request, named by its JSON pointer ({@code /variants/0/sku}). */
public record Violation(String field, String message) {
}
