package org.emporium.catalog.api;

import io.vertx.core.json.JsonObject;
import org.emporium.catalog.application.Rejected;
import org.emporium.catalog.domain.Price;
import org.emporium.catalog.domain.ProductRules;
import org.emporium.catalog.domain.Violation;
import org.emporium.platform.eventbus.ForwardedRequest;
import org.emporium.platform.id.Uuids;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads path and query parameters and small bodies of forwarded requests; only their shape. */
final class CatalogRequests {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  private CatalogRequests() {
  }

  static UUID pathId(ForwardedRequest request, String name) {
    UUID id = uuid(request.path(name));
    if (id == null) {
      throw Rejected.invalid(List.of(new Violation(name, "must be a UUID")));
    }
    return id;
  }

  static UUID uuid(Object value) {
    return Uuids.parse(value);
  }

  static int limit(Object value, int fallback, int max) {
    if (value == null) {
      return fallback;
    }
    try {
      long limit = value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value).trim());
      if (limit >= 1) {
        return (int) Math.min(limit, max); // a larger page than there is is served as the largest
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw Rejected.invalid(List.of(new Violation("limit", "must be a whole number, at least 1")));
  }

  /** The wanted currency, or null for none; an unknown code is a 400. */
  static String currency(Object value) {
    if (value == null) {
      return null;
    }
    String code = String.valueOf(value);
    if (!ProductRules.knownCurrency(code)) {
      throw Rejected.invalid(List.of(new Violation("currency", "must be a known ISO 4217 currency such as EUR")));
    }
    return code;
  }

  /** The opaque cursor: the last product id of the previous page. */
  static UUID cursor(Object value) {
    if (value == null) {
      return null;
    }
    UUID id = uuid(value);
    if (id == null) {
      throw Rejected.invalid(List.of(new Violation("cursor", "is not a cursor this list returned")));
    }
    return id;
  }

  static Price price(ForwardedRequest request) {
    JsonObject body = request.body();
    List<Violation> violations = new ArrayList<>();
    body.fieldNames().stream().filter(n -> !n.equals("amount") && !n.equals("compareAt")).sorted()
        .forEach(n -> violations.add(new Violation("/" + n, "is not a known property")));
    Long amount = whole(body.getValue("amount"), "/amount", true, violations);
    Long compareAt = whole(body.getValue("compareAt"), "/compareAt", false, violations);
    String currency = request.path("currency");
    if (!ProductRules.knownCurrency(currency)) {
      violations.add(new Violation("currency", "must be a known ISO 4217 currency such as EUR"));
    }
    if (!violations.isEmpty()) {
      throw Rejected.invalid(violations);
    }
    return new Price(currency, amount, compareAt);
  }

  private static Long whole(Object value, String field, boolean required, List<Violation> into) {
    if (value == null) {
      if (required) {
        into.add(new Violation(field, "is required"));
      }
      return null;
    }
    if (value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue();
    }
    into.add(new Violation(field, "must be a whole number of minor units"));
    return null;
  }
}
