package org.emporium.edge.grpc;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.edge.grpc.customer.v1.AddressInput;
import org.emporium.edge.grpc.customer.v1.AddressPage;
import org.emporium.edge.grpc.customer.v1.Customer;
import org.emporium.edge.grpc.customer.v1.ListAddressesRequest;
import org.emporium.edge.grpc.customer.v1.Preferences;
import org.emporium.edge.grpc.customer.v1.SavedAddress;
import org.emporium.edge.grpc.customer.v1.UpdateProfileRequest;

/**
 * Between {@code emporium.customer.v1} messages and the REST JSON the customer context speaks.
 * Required fields are always forwarded, even empty, so the context names them in its problem;
 * optional fields only when set.
 */
final class CustomerMessages {

  private CustomerMessages() {
  }

  static JsonObject profileUpdate(UpdateProfileRequest request) {
    JsonObject body = new JsonObject();
    if (request.hasName()) {
      body.put("name", request.getName());
    }
    if (request.hasPreferences()) {
      Preferences p = request.getPreferences();
      JsonObject preferences = new JsonObject();
      if (p.hasCurrency()) {
        preferences.put("currency", p.getCurrency());
      }
      if (p.hasLocale()) {
        preferences.put("locale", p.getLocale());
      }
      if (p.hasTimeZone()) {
        preferences.put("timeZone", p.getTimeZone());
      }
      if (p.hasHomeRegion()) {
        preferences.put("homeRegion", p.getHomeRegion());
      }
      body.put("preferences", preferences);
    }
    return body;
  }

  static JsonObject address(AddressInput input) {
    JsonObject body = new JsonObject()
        .put("name", input.getName())
        .put("line1", input.getLine1())
        .put("city", input.getCity())
        .put("postalCode", input.getPostalCode())
        .put("country", input.getCountry());
    if (input.hasLine2()) {
      body.put("line2", input.getLine2());
    }
    if (input.hasRegion()) {
      body.put("region", input.getRegion());
    }
    if (input.hasPhone()) {
      body.put("phone", input.getPhone());
    }
    if (input.hasIsDefault()) {
      body.put("isDefault", input.getIsDefault());
    }
    if (input.hasIsDefaultBilling()) {
      body.put("isDefaultBilling", input.getIsDefaultBilling());
    }
    return body;
  }

  static JsonObject listQuery(ListAddressesRequest request) {
    JsonObject query = new JsonObject();
    if (request.hasLimit()) {
      query.put("limit", request.getLimit());
    }
    if (request.hasCursor()) {
      query.put("cursor", request.getCursor());
    }
    return query;
  }

  static Customer customer(JsonObject json) {
    JsonObject p = json.getJsonObject("preferences", new JsonObject());
    Preferences.Builder preferences = Preferences.newBuilder();
    if (p.getString("currency") != null) {
      preferences.setCurrency(p.getString("currency"));
    }
    if (p.getString("locale") != null) {
      preferences.setLocale(p.getString("locale"));
    }
    if (p.getString("timeZone") != null) {
      preferences.setTimeZone(p.getString("timeZone"));
    }
    if (p.getString("homeRegion") != null) {
      preferences.setHomeRegion(p.getString("homeRegion"));
    }
    Customer.Builder customer = Customer.newBuilder()
        .setCustomerId(json.getString("customerId"))
        .setEmail(json.getString("email"))
        .setName(json.getString("name"))
        .setPreferences(preferences)
        .setCreatedAt(json.getString("createdAt"));
    json.getJsonArray("roles", new JsonArray()).forEach(role -> customer.addRoles(String.valueOf(role)));
    if (json.getString("defaultAddressId") != null) {
      customer.setDefaultAddressId(json.getString("defaultAddressId"));
    }
    if (json.getString("defaultBillingAddressId") != null) {
      customer.setDefaultBillingAddressId(json.getString("defaultBillingAddressId"));
    }
    if (json.getString("updatedAt") != null) {
      customer.setUpdatedAt(json.getString("updatedAt"));
    }
    return customer.build();
  }

  static SavedAddress savedAddress(JsonObject json) {
    SavedAddress.Builder address = SavedAddress.newBuilder()
        .setAddressId(json.getString("addressId"))
        .setIsDefault(json.getBoolean("isDefault", false))
        .setIsDefaultBilling(json.getBoolean("isDefaultBilling", false))
        .setName(json.getString("name"))
        .setLine1(json.getString("line1"))
        .setCity(json.getString("city"))
        .setPostalCode(json.getString("postalCode"))
        .setCountry(json.getString("country"));
    if (json.getString("line2") != null) {
      address.setLine2(json.getString("line2"));
    }
    if (json.getString("region") != null) {
      address.setRegion(json.getString("region"));
    }
    if (json.getString("phone") != null) {
      address.setPhone(json.getString("phone"));
    }
    return address.build();
  }

  static AddressPage page(JsonObject json) {
    AddressPage.Builder page = AddressPage.newBuilder();
    json.getJsonArray("items", new JsonArray()).forEach(item -> page.addItems(savedAddress((JsonObject) item)));
    if (json.getString("nextCursor") != null) {
      page.setNextCursor(json.getString("nextCursor"));
    }
    return page.build();
  }
}
