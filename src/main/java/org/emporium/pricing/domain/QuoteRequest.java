package org.emporium.pricing.domain;

import org.emporium.platform.id.Uuids;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What to quote: cart lines, the currency, where it ships (for tax), coupon codes in the order entered
 * and the customer when known. Values are kept as sent so that every wrong one can be named.
 */
public record QuoteRequest(List<Line> lines, String currency, ShipTo shipTo, List<String> couponCodes,
    String customerId) {

  public static final int MAX_QUANTITY = 999;
  public static final int MAX_COUPONS = 5;
  private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern COUPON = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  /** A line as sent; a null quantity was missing or not a whole number. */
  public record Line(String sku, Integer quantity) {
  }

  /** The destination; {@code region} may be null. */
  public record ShipTo(String country, String region) {
  }

  public QuoteRequest {
    couponCodes = couponCodes == null ? List.of() : couponCodes;
  }

  public Optional<ShipTo> destination() {
    return Optional.ofNullable(shipTo);
  }

  public List<Violation> violations(int maxLines) {
    List<Violation> found = new ArrayList<>();
    if (lines == null || lines.isEmpty() || lines.size() > maxLines) {
      found.add(new Violation("/lines", "must hold 1 to " + maxLines + " lines"));
    } else {
      Set<String> skus = new HashSet<>();
      for (int i = 0; i < lines.size(); i++) {
        Line line = lines.get(i);
        String pointer = "/lines/" + i;
        if (line == null) {
          found.add(new Violation(pointer, "must be an object"));
        } else {
          if (line.sku() == null || !SKU.matcher(line.sku()).matches()) {
            found.add(new Violation(pointer + "/sku", "must be a SKU"));
          } else if (!skus.add(line.sku())) {
            found.add(new Violation(pointer + "/sku", "repeats an earlier line's SKU"));
          }
          if (line.quantity() == null || line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
            found.add(new Violation(pointer + "/quantity", "must be a whole number from 1 to " + MAX_QUANTITY));
          }
        }
      }
    }
    if (!Currencies.isUsable(currency)) {
      found.add(new Violation("/currency", "must be an ISO 4217 currency code with a minor unit"));
    }
    if (shipTo != null) {
      if (shipTo.country() == null || !COUNTRY.matcher(shipTo.country()).matches()) {
        found.add(new Violation("/shipTo/country", "must be an ISO 3166-1 alpha-2 code such as DE"));
      }
      if (shipTo.region() != null && (shipTo.region().isBlank() || shipTo.region().length() > TaxTableInput.MAX_REGION)) {
        found.add(new Violation("/shipTo/region", "must be 1 to " + TaxTableInput.MAX_REGION + " characters"));
      }
    }
    found.addAll(couponViolations());
    if (customerId != null && Uuids.parse(customerId) == null) {
      found.add(new Violation("/customerId", "must be a UUID"));
    }
    return found;
  }

  private List<Violation> couponViolations() {
    List<Violation> found = new ArrayList<>();
    if (couponCodes.size() > MAX_COUPONS) {
      found.add(new Violation("/couponCodes", "must hold at most " + MAX_COUPONS + " codes"));
      return found;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < couponCodes.size(); i++) {
      String code = couponCodes.get(i);
      if (code == null || !COUPON.matcher(code).matches()) {
        found.add(new Violation("/couponCodes/" + i, "must be 1 to 32 letters, digits, '-' or '_'"));
      } else if (!seen.add(code.toUpperCase())) {
        found.add(new Violation("/couponCodes/" + i, "repeats an earlier code"));
      }
    }
    return found;
  }
}
