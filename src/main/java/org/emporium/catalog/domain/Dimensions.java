package org.emporium.catalog.domain;

/** A parcel's outer size in millimetres. */
public record Dimensions(int length, int width, int height) {
}
