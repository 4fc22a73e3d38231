package org.emporium.customer.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.customer.application.AddressCursor;
import org.emporium.customer.application.ChangingAddresses;
import org.emporium.customer.application.CreatingProfiles;
import org.emporium.customer.application.CustomerJson;
import org.emporium.customer.application.ListingAddresses;
import org.emporium.customer.application.ReadingProfiles;
import org.emporium.customer.application.Rejected;
import org.emporium.customer.application.UpdatingProfiles;
import org.emporium.customer.domain.NewProfile;
import org.emporium.customer.domain.Rejection;
import org.emporium.customer.domain.Violation;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.eventbus.ForwardedReply;
import org.emporium.platform.eventbus.ForwardedRequest;
import org.emporium.platform.id.Uuids;

import java.util.List;
import java.util.UUID;

/** The operations behind the {@code customer.*} addresses: request in, use case, reply out. */
final class CustomerEndpoints {

  static final String SELF = "customer:self";
  static final String READ_ANY = "customer:read-any";
  private static final String ADDRESSES_PATH = "/api/v1/me/addresses/";

  private final CreatingProfiles creating;
  private final ReadingProfiles reading;
  private final UpdatingProfiles updating;
  private final ListingAddresses listing;
  private final ChangingAddresses changing;

  CustomerEndpoints(CreatingProfiles creating, ReadingProfiles reading, UpdatingProfiles updating,
      ListingAddresses listing, ChangingAddresses changing) {
    this.creating = creating;
    this.reading = reading;
    this.updating = updating;
    this.listing = listing;
    this.changing = changing;
  }

  /** Internal, from identity right after a registration: {@code {customerId, email, name}} to {@code {created}}. */
  Future<JsonObject> createProfile(JsonObject body) {
    UUID customerId = uuid(body.getValue("customerId"));
    if (customerId == null) {
      return Future.failedFuture(new Rejected(new Rejection.Invalid(
          List.of(new Violation("/customerId", "must be a UUID")))));
    }
    Object email = body.getValue("email");
    Object name = body.getValue("name");
    return creating.create(NewProfile.fromClaims(customerId, email instanceof String e ? e : null,
        name instanceof String n ? n : null, null)).map(created -> new JsonObject().put("created", created));
  }

  Future<JsonObject> getProfile(ForwardedRequest request) {
    return reading.own(request.requirePermission(SELF)).map(p -> ForwardedReply.ok(CustomerJson.profile(p)));
  }

  Future<JsonObject> getCustomer(ForwardedRequest request) {
    request.requirePermission(READ_ANY);
    return reading.any(CustomerRequests.pathId(request, "customerId"))
        .map(p -> ForwardedReply.ok(CustomerJson.profile(p)));
  }

  Future<JsonObject> updateProfile(ForwardedRequest request) {
    Principal caller = request.requirePermission(SELF);
    return updating.update(caller, CustomerRequests.profileChange(request.body()))
        .map(p -> ForwardedReply.ok(CustomerJson.profile(p)));
  }

  Future<JsonObject> listAddresses(ForwardedRequest request) {
    Principal caller = request.requirePermission(SELF);
    int limit = CustomerRequests.limit(request);
    AddressCursor after = CustomerRequests.cursor(request);
    return listing.list(caller, after, limit).map(page -> {
      JsonArray items = new JsonArray();
      page.items().forEach(saved -> items.add(CustomerJson.savedAddress(saved)));
      return ForwardedReply.ok(new JsonObject().put("items", items)
          .put("nextCursor", page.next() == null ? null : page.next().encode()));
    });
  }

  Future<JsonObject> addAddress(ForwardedRequest request) {
    Principal caller = request.requirePermission(SELF);
    return changing.add(caller, CustomerRequests.address(request.body())).map(saved -> ForwardedReply.created(
        CustomerJson.savedAddress(saved), ADDRESSES_PATH + saved.address().id()));
  }

  Future<JsonObject> replaceAddress(ForwardedRequest request) {
    Principal caller = request.requirePermission(SELF);
    UUID id = CustomerRequests.pathId(request, "id");
    return changing.replace(caller, id, CustomerRequests.address(request.body()))
        .map(saved -> ForwardedReply.ok(CustomerJson.savedAddress(saved)));
  }

  Future<JsonObject> deleteAddress(ForwardedRequest request) {
    Principal caller = request.requirePermission(SELF);
    return changing.delete(caller, CustomerRequests.pathId(request, "id")).map(done -> ForwardedReply.noContent());
  }

  private static UUID uuid(Object value) {
    return Uuids.parse(value);
  }
}
