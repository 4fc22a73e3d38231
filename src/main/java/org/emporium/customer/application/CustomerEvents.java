package org.emporium.customer.application;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.customer.domain.Profile;
import org.emporium.platform.events.OutboxEvent;

import java.util.List;

/** The events of topic {@code customer.customer.v1} (key: the customer id). */
final class CustomerEvents {

  private static final String AGGREGATE = "customer";

  private CustomerEvents() {
  }

  /** {@code emporium.customer.customer.registered.v1}. */
  static OutboxEvent registered(Profile profile) {
    return OutboxEvent.of(AGGREGATE, profile.customerId().toString(), "customer.registered", new JsonObject()
        .put("customerId", profile.customerId().toString())
        .put("email", profile.email())
        .put("name", profile.name())
        .put("registeredAt", profile.createdAt().toString()));
  }

  /** {@code emporium.customer.customer.updated.v1}: which members changed, and the values now. */
  static OutboxEvent updated(Profile profile, List<String> changed) {
    return OutboxEvent.of(AGGREGATE, profile.customerId().toString(), "customer.updated", new JsonObject()
        .put("customerId", profile.customerId().toString())
        .put("changed", new JsonArray(changed))
        .put("name", profile.name())
        .put("preferences", CustomerJson.preferences(profile.preferences())));
  }
}
