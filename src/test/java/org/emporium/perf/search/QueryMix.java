package org.emporium.perf.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A shop's search traffic, roughly: mostly one or two words, some with typos, some browsing a
 * category by price, some narrowing by brand, price and stock.
 */
final class QueryMix {

  private final Random random;

  QueryMix(long seed) {
    this.random = new Random(seed);
  }

  String next() {
    int kind = random.nextInt(100);
    String noun = pick(GeneratedCatalog.NOUNS);
    if (kind < 40) {
      return "q=" + noun;
    }
    if (kind < 60) {
      return "q=" + enc(pick(GeneratedCatalog.ADJECTIVES) + " " + noun);
    }
    if (kind < 70) {
      return "q=" + typo(noun);
    }
    if (kind < 80) {
      return "category=cat-" + random.nextInt(GeneratedCatalog.ROOTS) + "-" + (1 + random.nextInt(4)) + "&sort=price_asc";
    }
    if (kind < 90) {
      return "q=" + noun + "&brand=" + enc(pick(GeneratedCatalog.BRANDS));
    }
    long min = random.nextInt(50_000);
    return "q=" + noun + "&minPrice=" + min + "&maxPrice=" + (min + 50_000) + "&inStock=true&currency="
        + (random.nextBoolean() ? "USD" : "EUR");
  }

  private String typo(String word) {
    if (word.length() < 4) {
      return word;
    }
    int at = 1 + random.nextInt(word.length() - 2);
    char[] letters = word.toCharArray();
    char swap = letters[at];
    letters[at] = letters[at + 1];
    letters[at + 1] = swap;
    return new String(letters);
  }

  private String pick(String[] words) {
    return words[random.nextInt(words.length)];
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
