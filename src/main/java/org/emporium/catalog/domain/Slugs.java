package org.emporium.catalog.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.UUID;

/** Derives a URL name from a title when the seller gives none. */
public final class Slugs {

  private Slugs() {
  }

  /** {@code "Linen Shirt, Blue!"} becomes {@code linen-shirt-blue-<6 hex of the id>}: unique without a retry. */
  public static String derive(String title, UUID id) {
    String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String words = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    if (words.length() > 80) {
      words = words.substring(0, 80).replaceAll("-+$", "");
    }
    String suffix = id.toString().replace("-", "");
    suffix = suffix.substring(suffix.length() - 6);
    return words.isEmpty() ? "product-" + suffix : words + "-" + suffix;
  }
}
