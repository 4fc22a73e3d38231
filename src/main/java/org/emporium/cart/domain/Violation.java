package org.emporium.cart.domain;

/** One problem with one field of a request, by JSON pointer ({@code /quantity}). */
public record Violation(String field, String message) {
}
