package org.emporium.customer.api;

import io.vertx.core.json.JsonObject;
import org.emporium.customer.application.AddressCursor;
import org.emporium.customer.application.ListingAddresses;
import org.emporium.customer.application.Rejected;
import org.emporium.customer.domain.AddressInput;
import org.emporium.customer.domain.AddressLines;
import org.emporium.customer.domain.Preferences;
import org.emporium.customer.domain.ProfileChange;
import org.emporium.customer.domain.Rejection;
import org.emporium.customer.domain.Violation;
import org.emporium.platform.eventbus.ForwardedRequest;
import org.emporium.platform.id.Uuids;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Turns forwarded requests into commands. Only the shape is checked here (types, unknown members,
 * ids, paging); the rules of the values are the domain's, checked by the use cases.
 */
final class CustomerRequests {

  private static final Set<String> PROFILE = Set.of("name", "preferences");
  private static final Set<String> PREFERENCES = Set.of("currency", "locale", "timeZone", "homeRegion");
  private static final Set<String> ADDRESS = Set.of("name", "line1", "line2", "city", "region", "postalCode",
      "country", "phone", "isDefault", "isDefaultBilling");

  private CustomerRequests() {
  }

  static ProfileChange profileChange(JsonObject body) {
    BodyReader reader = BodyReader.of(body, PROFILE);
    String name = reader.string("name");
    BodyReader preferences = reader.object("preferences", PREFERENCES);
    Preferences wanted = preferences == null ? Preferences.NONE : new Preferences(preferences.string("currency"),
        preferences.string("locale"), preferences.string("timeZone"), preferences.string("homeRegion"));
    return valid(new ProfileChange(name, wanted), reader.violations());
  }

  static AddressInput address(JsonObject body) {
    BodyReader reader = BodyReader.of(body, ADDRESS);
    AddressInput input = new AddressInput(new AddressLines(reader.string("name"), reader.string("line1"),
        reader.string("line2"), reader.string("city"), reader.string("region"), reader.string("postalCode"),
        reader.string("country"), reader.string("phone")), reader.bool("isDefault"), reader.bool("isDefaultBilling"));
    return valid(input, reader.violations());
  }

  /** A UUID path parameter. */
  static UUID pathId(ForwardedRequest request, String name) {
    UUID id = Uuids.parse(request.path(name));
    if (id == null) {
      throw invalid(List.of(new Violation(name, "must be a UUID")));
    }
    return id;
  }

  static int limit(ForwardedRequest request) {
    Object value = request.query("limit");
    if (value == null) {
      return ListingAddresses.DEFAULT_LIMIT;
    }
    try {
      long limit = value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value).trim());
      if (limit >= 1) {
        return (int) Math.min(limit, ListingAddresses.MAX_LIMIT); // a larger page is served as the largest
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(List.of(new Violation("limit", "must be a whole number, at least 1")));
  }

  static AddressCursor cursor(ForwardedRequest request) {
    Object value = request.query("cursor");
    if (value == null) {
      return null;
    }
    return AddressCursor.decode(String.valueOf(value))
        .orElseThrow(() -> invalid(List.of(new Violation("cursor", "is not a cursor this list returned"))));
  }

  private static <T> T valid(T command, List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw invalid(violations);
    }
    return command;
  }

  private static Rejected invalid(List<Violation> violations) {
    return new Rejected(new Rejection.Invalid(violations));
  }
}
