package org.emporium.catalog.domain;

/** A reference to an image or video kept elsewhere, with its alternative text. */
public record Media(String url, String alt) {
}
