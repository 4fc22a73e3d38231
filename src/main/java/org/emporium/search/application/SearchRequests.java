package org.emporium.search.application;

import org.emporium.platform.error.Problem;
import org.emporium.platform.error.Problem.FieldError;
import org.emporium.platform.eventbus.ForwardedRequest;
import org.emporium.search.domain.Cursor;
import org.emporium.search.domain.SearchQuery;
import org.emporium.search.domain.SortOrder;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** Reads a forwarded search request into a {@link SearchQuery}; every bad parameter is a field error. */
final class SearchRequests {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;
  static final int MAX_TEXT = 200;

  private final Currency defaultCurrency;

  SearchRequests(Currency defaultCurrency) {
    this.defaultCurrency = defaultCurrency;
  }

  SearchQuery read(ForwardedRequest request) {
    List<FieldError> errors = new ArrayList<>();
    Long min = amount(request, "minPrice", errors);
    Long max = amount(request, "maxPrice", errors);
    if (min != null && max != null && min > max) {
      errors.add(new FieldError("/maxPrice", "must not be below minPrice"));
    }
    Currency currency = currency(request, errors);
    SortOrder sort = Optional.ofNullable(text(request, "sort")).map(s -> SortOrder.parse(s).orElseGet(() -> {
      errors.add(new FieldError("/sort", "must be one of relevance, price_asc, price_desc, newest"));
      return SortOrder.RELEVANCE;
    })).orElse(SortOrder.RELEVANCE);
    int limit = limit(request, errors);
    Cursor after = null;
    String cursor = text(request, "cursor");
    if (cursor != null) {
      after = Cursors.decode(cursor).orElse(null);
      if (after == null || after.sort() != sort) {
        errors.add(new FieldError("/cursor", "is not a cursor of this search; start again without it"));
      }
    }
    String text = text(request, "q");
    if (text != null && text.length() > MAX_TEXT) {
      errors.add(new FieldError("/q", "must be at most " + MAX_TEXT + " characters"));
    }
    String inStock = text(request, "inStock");
    if (inStock != null && !inStock.equals("true") && !inStock.equals("false")) {
      errors.add(new FieldError("/inStock", "must be true or false"));
    }
    if (!errors.isEmpty()) {
      throw Problem.invalid("The search parameters are not valid.", errors).toException();
    }
    return new SearchQuery(text, text(request, "category"), text(request, "brand"), min, max, currency,
        "true".equals(inStock), sort, limit, after);
  }

  static String text(ForwardedRequest request, String name) {
    Object value = request.query(name);
    return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value);
  }

  static int limit(ForwardedRequest request, List<FieldError> errors) {
    Long limit = number(request, "limit", errors);
    if (limit == null) {
      return DEFAULT_LIMIT;
    }
    if (limit < 1) {
      errors.add(new FieldError("/limit", "must be at least 1"));
      return DEFAULT_LIMIT;
    }
    return (int) Math.min(limit, MAX_LIMIT); // a larger page than there is is served as the largest
  }

  private static Long amount(ForwardedRequest request, String name, List<FieldError> errors) {
    Long amount = number(request, name, errors);
    if (amount != null && amount < 0) {
      errors.add(new FieldError("/" + name, "must not be negative"));
    }
    return amount;
  }

  private static Long number(ForwardedRequest request, String name, List<FieldError> errors) {
    Object value = request.query(name);
    if (value == null) {
      return null;
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    try {
      return Long.parseLong(String.valueOf(value).trim());
    } catch (NumberFormatException e) {
      errors.add(new FieldError("/" + name, "must be a whole number"));
      return null;
    }
  }

  private Currency currency(ForwardedRequest request, List<FieldError> errors) {
    String code = text(request, "currency");
    if (code == null) {
      return defaultCurrency;
    }
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("/currency", "is not an ISO 4217 currency code"));
      return defaultCurrency;
    }
  }
}
