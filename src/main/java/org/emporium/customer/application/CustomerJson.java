package org.emporium.customer.application;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.customer.domain.Address;
import org.emporium.customer.domain.AddressLines;
import org.emporium.customer.domain.Preferences;
import org.emporium.customer.domain.Profile;
import org.emporium.customer.domain.SavedAddress;

import java.time.Instant;
import java.util.UUID;

/**
 * The contract's JSON of a profile ({@code Customer}) and of a {@code SavedAddress}. The profile
 * cache keeps exactly this form, so a cached read answers what a stored read would.
 */
public final class CustomerJson {

  private CustomerJson() {
  }

  public static JsonObject profile(Profile profile) {
    return new JsonObject()
        .put("customerId", profile.customerId().toString())
        .put("email", profile.email())
        .put("name", profile.name())
        .put("roles", new JsonArray(profile.roles()))
        .put("preferences", preferences(profile.preferences()))
        .put("defaultAddressId", text(profile.defaultShippingAddressId()))
        .put("defaultBillingAddressId", text(profile.defaultBillingAddressId()))
        .put("createdAt", profile.createdAt().toString())
        .put("updatedAt", profile.updatedAt().toString());
  }

  public static Profile profileFrom(JsonObject json) {
    JsonObject preferences = json.getJsonObject("preferences", new JsonObject());
    return new Profile(UUID.fromString(json.getString("customerId")), json.getString("email"),
        json.getString("name"),
        new Preferences(preferences.getString("currency"), preferences.getString("locale"),
            preferences.getString("timeZone"), preferences.getString("homeRegion")),
        json.getJsonArray("roles", new JsonArray()).stream().map(String::valueOf).toList(),
        uuid(json.getString("defaultAddressId")), uuid(json.getString("defaultBillingAddressId")),
        Instant.parse(json.getString("createdAt")), Instant.parse(json.getString("updatedAt")));
  }

  public static JsonObject preferences(Preferences preferences) {
    JsonObject json = new JsonObject();
    putIfPresent(json, "currency", preferences.currency());
    putIfPresent(json, "locale", preferences.locale());
    putIfPresent(json, "timeZone", preferences.timeZone());
    putIfPresent(json, "homeRegion", preferences.homeRegion());
    return json;
  }

  public static JsonObject savedAddress(SavedAddress saved) {
    Address address = saved.address();
    AddressLines lines = address.lines();
    JsonObject json = new JsonObject()
        .put("addressId", address.id().toString())
        .put("isDefault", saved.isDefault())
        .put("isDefaultBilling", saved.isDefaultBilling())
        .put("name", lines.name())
        .put("line1", lines.line1());
    putIfPresent(json, "line2", lines.line2());
    json.put("city", lines.city());
    putIfPresent(json, "region", lines.region());
    json.put("postalCode", lines.postalCode()).put("country", lines.country());
    putIfPresent(json, "phone", lines.phone());
    return json;
  }

  private static void putIfPresent(JsonObject json, String key, String value) {
    if (value != null) {
      json.put(key, value);
    }
  }

  private static String text(UUID id) {
    return id == null ? null : id.toString();
  }

  private static UUID uuid(String text) {
    return text == null ? null : UUID.fromString(text);
  }
}
