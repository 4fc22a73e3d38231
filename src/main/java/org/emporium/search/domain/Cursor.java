package org.emporium.search.domain;

/**
 * Where the previous page ended: the sort it was made for, the last hit's sort value and its
 * product id (the tie-break), so the next page starts right after it whatever was indexed since.
 */
public record Cursor(SortOrder sort, double value, String productId) {
}
