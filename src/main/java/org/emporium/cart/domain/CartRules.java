package org.emporium.cart.domain;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The caps of a cart and the form of what goes into one. Checks return every violation at once;
 * {@link #sellable} decides whether the catalog's answer allows a line.
 *
 * @param maxLineQuantity most units of one line
 * @param maxLines most lines of one cart
 * @param maxCoupons most coupon codes of one cart
 */
public record CartRules(int maxLineQuantity, int maxLines, int maxCoupons) {

  private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern COUPON = Pattern.compile("[A-Za-z0-9_-]{1,32}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  public List<Violation> line(String skuField, String sku, String quantityField, Long quantity) {
    List<Violation> violations = new ArrayList<>();
    sku(skuField, sku).ifPresent(violations::add);
    if (quantity == null) {
      violations.add(new Violation(quantityField, "is required"));
    } else if (quantity < 1 || quantity > maxLineQuantity) {
      violations.add(new Violation(quantityField, "must be between 1 and " + maxLineQuantity));
    }
    return violations;
  }

  public Optional<Violation> sku(String field, String sku) {
    if (sku == null || !SKU.matcher(sku).matches()) {
      return Optional.of(new Violation(field, "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"));
    }
    return Optional.empty();
  }

  public Optional<Violation> couponCode(String field, String code) {
    if (code == null || !COUPON.matcher(code).matches()) {
      return Optional.of(new Violation(field, "must be 1-32 letters, digits, '_' or '-'"));
    }
    return Optional.empty();
  }

  /** An ISO 4217 code with a minor unit (amounts are kept in minor units). */
  public static Optional<Violation> currency(String field, String code) {
    if (code == null || !CURRENCY.matcher(code).matches()) {
      return Optional.of(new Violation(field, "must be an ISO 4217 code such as USD"));
    }
    try {
      if (Currency.getInstance(code).getDefaultFractionDigits() >= 0) {
        return Optional.empty();
      }
    } catch (IllegalArgumentException e) {
      // unknown code: reported below
    }
    return Optional.of(new Violation(field, "is not an ISO 4217 currency with a minor unit"));
  }

  /** Empty when the SKU may go into a cart in {@code currency}; else why not. */
  public static Optional<String> sellable(CatalogItem item, String sku, String currency) {
    if (item == null) {
      return Optional.of("no product has SKU " + sku);
    }
    if (!item.published()) {
      return Optional.of("SKU " + sku + " is not on sale");
    }
    if (item.price() == null) {
      return Optional.of("SKU " + sku + " has no price in " + currency);
    }
    return Optional.empty();
  }
}
