package org.emporium.catalog.domain;

import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules of a product's content; every broken rule is reported, with its JSON pointer. */
public final class ProductRules {

  public static final int MAX_TITLE = 200;
  public static final int MAX_DESCRIPTION = 10_000;
  public static final int MAX_VARIANTS = 100;
  public static final long MAX_AMOUNT = 1_000_000_000_000_000L;
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
  private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern BARCODE = Pattern.compile("[0-9]{8,14}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private ProductRules() {
  }

  /** The broken rules of {@code content}; every variant must have a price in {@code baseCurrency}. */
  public static List<Violation> check(ProductContent content, String baseCurrency) {
    List<Violation> into = new ArrayList<>();
    text("/title", content.title(), 1, MAX_TITLE, into);
    if (content.slug() != null) {
      slug("/slug", content.slug(), into);
    }
    if (content.description() != null && content.description().length() > MAX_DESCRIPTION) {
      into.add(new Violation("/description", "must be at most " + MAX_DESCRIPTION + " characters"));
    }
    if (content.categoryId() == null) {
      into.add(new Violation("/categoryId", "is required"));
    }
    map("/attributes", content.attributes(), 50, 500, into);
    if (content.media().size() > 20) {
      into.add(new Violation("/media", "must have at most 20 items"));
    }
    for (int i = 0; i < content.media().size(); i++) {
      Media media = content.media().get(i);
      if (media.url() == null || media.url().length() > 2048
          || !(media.url().startsWith("https://") || media.url().startsWith("http://"))) {
        into.add(new Violation("/media/" + i + "/url", "must be an http or https URL of at most 2048 characters"));
      }
      if (media.alt() != null && media.alt().length() > 300) {
        into.add(new Violation("/media/" + i + "/alt", "must be at most 300 characters"));
      }
    }
    if (content.variants().isEmpty() || content.variants().size() > MAX_VARIANTS) {
      into.add(new Violation("/variants", "must have 1 to " + MAX_VARIANTS + " variants"));
    }
    Set<String> skus = new HashSet<>();
    for (int i = 0; i < content.variants().size(); i++) {
      Variant variant = content.variants().get(i);
      variant("/variants/" + i, variant, baseCurrency, into);
      if (variant.sku() != null && !skus.add(variant.sku())) {
        into.add(new Violation("/variants/" + i + "/sku", "appears twice in this product"));
      }
    }
    return into;
  }

  /** The rules of one price; {@code field} names the price. */
  public static List<Violation> price(String field, Price price) {
    List<Violation> into = new ArrayList<>();
    currency(field + "/currency", price.currency(), into);
    amount(field + "/amount", price.amount(), into);
    if (price.compareAt() != null) {
      amount(field + "/compareAt", price.compareAt(), into);
    }
    return into;
  }

  public static boolean knownCurrency(String code) {
    if (code == null || !CURRENCY.matcher(code).matches()) {
      return false;
    }
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  public static void slug(String field, String slug, List<Violation> into) {
    if (slug == null || slug.length() > 100 || !SLUG.matcher(slug).matches()) {
      into.add(new Violation(field, "must be 1-100 lower-case letters and digits in words joined by '-'"));
    }
  }

  public static void text(String field, String value, int min, int max, List<Violation> into) {
    if (value == null || value.isBlank()) {
      if (min > 0) {
        into.add(new Violation(field, "is required and must not be blank"));
      }
    } else if (value.length() > max) {
      into.add(new Violation(field, "must be at most " + max + " characters"));
    }
  }

  private static void variant(String at, Variant variant, String baseCurrency, List<Violation> into) {
    if (variant.sku() == null || !SKU.matcher(variant.sku()).matches()) {
      into.add(new Violation(at + "/sku", "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"));
    }
    map(at + "/options", variant.options(), 10, 100, into);
    if (variant.barcode() != null && !BARCODE.matcher(variant.barcode()).matches()) {
      into.add(new Violation(at + "/barcode", "must be a GTIN of 8 to 14 digits"));
    }
    if (variant.weightGrams() != null && (variant.weightGrams() < 0 || variant.weightGrams() > 1_000_000)) {
      into.add(new Violation(at + "/weightGrams", "must be from 0 to 1000000"));
    }
    Dimensions d = variant.dimensionsMm();
    if (d != null && (out(d.length()) || out(d.width()) || out(d.height()))) {
      into.add(new Violation(at + "/dimensionsMm", "each side must be from 1 to 100000 mm"));
    }
    if (variant.prices().size() > 50) {
      into.add(new Violation(at + "/prices", "must have at most 50 prices"));
    }
    Set<String> currencies = new HashSet<>();
    for (int j = 0; j < variant.prices().size(); j++) {
      Price price = variant.prices().get(j);
      into.addAll(price(at + "/prices/" + j, price));
      if (!currencies.add(price.currency())) {
        into.add(new Violation(at + "/prices/" + j + "/currency", "has a price already"));
      }
    }
    if (!currencies.contains(baseCurrency)) {
      into.add(new Violation(at + "/prices", "must include a price in the base currency " + baseCurrency));
    }
  }

  private static boolean out(int side) {
    return side < 1 || side > 100_000;
  }

  private static void currency(String field, String code, List<Violation> into) {
    if (!knownCurrency(code)) {
      into.add(new Violation(field, "must be a known ISO 4217 currency such as EUR"));
    }
  }

  private static void amount(String field, long amount, List<Violation> into) {
    if (amount < 0 || amount > MAX_AMOUNT) {
      into.add(new Violation(field, "must be a whole number of minor units from 0 to " + MAX_AMOUNT));
    }
  }

  private static void map(String field, Map<String, String> map, int maxEntries, int maxValue, List<Violation> into) {
    if (map.size() > maxEntries) {
      into.add(new Violation(field, "must have at most " + maxEntries + " entries"));
    }
    map.forEach((key, value) -> {
      if (!KEY.matcher(key).matches()) {
        into.add(new Violation(field + "/" + key, "is not a valid name (a letter, then letters, digits, '_', '.', '-')"));
      } else if (value == null || value.isEmpty() || value.length() > maxValue) {
        into.add(new Violation(field + "/" + key, "must be 1 to " + maxValue + " characters"));
      }
    });
  }
}
