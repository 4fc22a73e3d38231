package org.emporium.pricing.domain;

import org.emporium.platform.id.Uuids;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A country's whole tax table as an administrator sends it; it replaces the one stored. Rates are
 * decimal strings from 0 to below 1 with at most six decimals ({@code "0.19"}, {@code "0.08875"}).
 */
public record TaxTableInput(String country, Boolean inclusive, List<RateLine> rates) {

  public static final int MAX_RATES = 500;
  public static final int MAX_REGION = 64;
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern RATE = Pattern.compile("0(\\.\\d{1,6})?");

  /** One rate as sent; {@code region} and {@code categoryId} may be null (all of them). */
  public record RateLine(String region, String categoryId, String rate) {
  }

  public List<Violation> violations() {
    List<Violation> found = new ArrayList<>();
    if (country == null || !COUNTRY.matcher(country).matches()) {
      found.add(new Violation("/country", "must be an ISO 3166-1 alpha-2 code such as DE"));
    }
    if (inclusive == null) {
      found.add(new Violation("/inclusive", "is required: true when prices there are shown with tax included"));
    }
    if (rates == null || rates.size() > MAX_RATES) {
      found.add(new Violation("/rates", "must be an array of at most " + MAX_RATES + " rates"));
      return found;
    }
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < rates.size(); i++) {
      RateLine line = rates.get(i);
      String pointer = "/rates/" + i;
      if (line == null) {
        found.add(new Violation(pointer, "must be an object"));
        continue;
      }
      if (line.region() != null && (line.region().isBlank() || line.region().length() > MAX_REGION)) {
        found.add(new Violation(pointer + "/region", "must be 1 to " + MAX_REGION + " characters"));
      }
      if (line.categoryId() != null && Uuids.parse(line.categoryId()) == null) {
        found.add(new Violation(pointer + "/categoryId", "must be a category id (UUID)"));
      }
      if (line.rate() == null || !RATE.matcher(line.rate()).matches()) {
        found.add(new Violation(pointer + "/rate", "must be a decimal string from 0 to below 1, such as \"0.19\""));
      }
      if (!keys.add(region(line) + "|" + category(line))) {
        found.add(new Violation(pointer, "repeats the region and category of an earlier rate"));
      }
    }
    return found;
  }

  /** The table; call only when {@link #violations()} is empty. */
  public TaxTable toTable() {
    return new TaxTable(country, inclusive, rates.stream()
        .map(line -> new TaxRate(region(line), category(line), new BigDecimal(line.rate()))).toList());
  }

  private static String region(RateLine line) {
    return line.region() == null ? TaxRate.ANY : TaxTable.normalRegion(line.region());
  }

  private static String category(RateLine line) {
    return line.categoryId() == null ? TaxRate.ANY : line.categoryId().toLowerCase();
  }
}
