package org.emporium.identity.infra;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import org.emporium.identity.application.CustomerProfiles;
import org.emporium.platform.eventbus.RequestIds;

import java.util.UUID;

/** Asks the customer context ({@code customer.createProfile}) for a profile, within a timeout. */
public final class EventBusCustomerProfiles implements CustomerProfiles {

  public static final String ADDRESS = "customer.createProfile";

  private final EventBus bus;
  private final long timeoutMs;

  public EventBusCustomerProfiles(EventBus bus, long timeoutMs) {
    this.bus = bus;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public Future<Void> create(UUID customerId, String email, String name) {
    JsonObject body = new JsonObject().put("customerId", customerId.toString()).put("email", email).put("name", name);
    return bus.request(ADDRESS, body, RequestIds.deliveryOptions(timeoutMs)).mapEmpty();
  }
}
