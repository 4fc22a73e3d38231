package org.emporium.customer.api;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.sqlclient.Pool;
import org.emporium.customer.application.ChangingAddresses;
import org.emporium.customer.application.CreatingProfiles;
import org.emporium.customer.application.CustomerSettings;
import org.emporium.customer.application.ListingAddresses;
import org.emporium.customer.application.ReadingProfiles;
import org.emporium.customer.application.RegisteredAccounts;
import org.emporium.customer.application.UpdatingProfiles;
import org.emporium.customer.domain.AddressBookLimit;
import org.emporium.customer.infra.PgAddresses;
import org.emporium.customer.infra.PgProfiles;
import org.emporium.customer.infra.RedisProfileCache;
import org.emporium.platform.eventbus.BusEndpoints;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.consumer.EventConsumer;
import org.emporium.platform.node.Platform;


/**
 * The customer context: profiles, preferences and address books on the {@code customer.*}
 * addresses, and the consumer that makes a profile for every registered account.
 */
public final class CustomerVerticle extends VerticleBase {

  private static final String CONTEXT = "customer";

  private final Platform platform;
  private EventConsumer accounts;
  private Redis redis;

  public CustomerVerticle(Platform platform) {
    this.platform = platform;
  }

  @Override
  public Future<?> start() {
    CustomerSettings settings = CustomerSettings.from(platform.config());
    Pool pool = platform.clients().postgres(vertx, CONTEXT);
    Outbox outbox = new Outbox(CONTEXT, platform.region(), platform.ids(), platform.clock());
    PgProfiles profiles = new PgProfiles(platform.clock());
    PgAddresses addresses = new PgAddresses(platform.clock());
    redis = platform.clients().redis(vertx);
    RedisProfileCache cache = new RedisProfileCache(RedisAPI.api(redis), settings.cacheTtlSeconds());
    CreatingProfiles creating = new CreatingProfiles(pool, outbox, profiles);
    CustomerEndpoints endpoints = new CustomerEndpoints(creating,
        new ReadingProfiles(pool, outbox, profiles, cache, creating),
        new UpdatingProfiles(pool, outbox, profiles, cache, creating),
        new ListingAddresses(pool, addresses),
        new ChangingAddresses(pool, outbox, profiles, addresses, cache, creating, platform.ids(),
            new AddressBookLimit(settings.maxAddresses())));
    BusEndpoints bus = new BusEndpoints(vertx, RejectionProblems::of)
        .serve("customer.createProfile", endpoints::createProfile)
        .forwarded("customer.getProfile", endpoints::getProfile)
        .forwarded("customer.updateProfile", endpoints::updateProfile)
        .forwarded("customer.getCustomer", endpoints::getCustomer)
        .forwarded("customer.listAddresses", endpoints::listAddresses)
        .forwarded("customer.addAddress", endpoints::addAddress)
        .forwarded("customer.replaceAddress", endpoints::replaceAddress)
        .forwarded("customer.deleteAddress", endpoints::deleteAddress);
    accounts = EventConsumer.builder(vertx, platform).context(CONTEXT).name("accounts")
        .topics(RegisteredAccounts.TOPIC).handler(new RegisteredAccounts(creating)).build();
    return bus.registered().compose(registered -> accounts.start());
  }

  @Override
  public Future<?> stop() {
    Future<Void> stopped = accounts == null ? Future.succeededFuture() : accounts.stop();
    return stopped.eventually(() -> redis == null ? Future.succeededFuture() : redis.close());
  }
}
