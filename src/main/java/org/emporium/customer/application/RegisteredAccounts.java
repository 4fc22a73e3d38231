package org.emporium.customer.application;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.emporium.customer.domain.NewProfile;
import org.emporium.platform.events.CloudEvent;
import org.emporium.platform.events.Transaction;
import org.emporium.platform.events.consumer.EventHandler;

import java.util.List;
import java.util.UUID;

/**
 * The safety net behind {@code customer.createProfile}: makes the profile of every registered
 * account from {@code identity.account.v1}, in the consumer's transaction. Other account events
 * are not the customer context's business here.
 */
public final class RegisteredAccounts implements EventHandler {

  public static final String TOPIC = "identity.account.v1";
  public static final String REGISTERED = "emporium.identity.account.registered.v1";

  private final CreatingProfiles creating;

  public RegisteredAccounts(CreatingProfiles creating) {
    this.creating = creating;
  }

  @Override
  public Future<Void> handle(CloudEvent event, Transaction tx) {
    if (!REGISTERED.equals(event.type())) {
      return Future.succeededFuture();
    }
    JsonObject data = event.data();
    NewProfile profile = NewProfile.fromClaims(UUID.fromString(data.getString("accountId", event.subject())),
        data.getString("email"), data.getString("name"), List.of());
    if (!profile.violations().isEmpty()) {
      // retried, then parked on the dead-letter topic for a person to look at
      return Future.failedFuture(new IllegalArgumentException("account event " + event.id()
          + " cannot make a profile: " + profile.violations()));
    }
    return creating.create(tx, profile).mapEmpty();
  }
}
