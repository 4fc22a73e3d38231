package org.emporium.cart.api;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.VertxOptions;
import io.vertx.redis.client.Redis;
import io.vertx.sqlclient.Pool;
import org.emporium.cart.application.AbandoningCarts;
import org.emporium.cart.application.CartSettings;
import org.emporium.cart.application.SavingCarts;
import org.emporium.cart.infra.CartScripts;
import org.emporium.cart.infra.PgCartCopies;
import org.emporium.cart.infra.RedisCarts;
import org.emporium.cart.infra.RedisPipeline;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.node.PeriodicWork;
import org.emporium.platform.node.Platform;

/**
 * The cart context: deploys {@code cart.instances} {@link CartBusVerticle}s (one per event loop by
 * default) and runs this node's share of the background work: the write-behind of changed carts to
 * PostgreSQL, the purge of expired copies, and the abandoned-cart sweeper.
 */
public final class CartVerticle extends VerticleBase {

  static final String CONTEXT = "cart";
  private static final long PURGE_INTERVAL_MS = 60_000;

  private final Platform platform;
  private PeriodicWork background;
  private Redis redis;
  private RedisPipeline pipeline;
  private String deployment;

  public CartVerticle(Platform platform) {
    this.platform = platform;
  }

  @Override
  public Future<?> start() {
    CartSettings settings = CartSettings.from(platform.config(), VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE);
    return CartScripts.load(vertx).compose(scripts -> {
      Pool pool = platform.clients().postgres(vertx, CONTEXT);
      redis = platform.clients().redis(vertx);
      pipeline = new RedisPipeline(redis, platform.config().redis().timeoutMs());
      RedisCarts store = new RedisCarts(pipeline, scripts, platform.clock(), settings.guestTtlMs(),
          settings.customerTtlMs(), settings.rules());
      PgCartCopies copies = new PgCartCopies();
      SavingCarts saving = new SavingCarts(store, copies, pool, platform.clock(), settings.flushDelayMs(),
          settings.sweepBatch());
      AbandoningCarts abandoning = new AbandoningCarts(store, copies, pool,
          new Outbox(CONTEXT, platform.region(), platform.ids(), platform.clock()), platform.clock(),
          settings.abandonAfterMs(), settings.abandonLeaseMs(), settings.sweepBatch());
      return vertx.deployVerticle(() -> new CartBusVerticle(platform, settings, scripts),
              new DeploymentOptions().setInstances(settings.instances()))
          .onSuccess(id -> {
            deployment = id;
            background = new PeriodicWork(vertx)
                .every(settings.sweepIntervalMs(), "saving carts", saving::save)
                .every(settings.sweepIntervalMs(), "finding abandoned carts", abandoning::sweep)
                .every(PURGE_INTERVAL_MS, "purging expired carts", saving::purge);
          });
    });
  }

  @Override
  public Future<?> stop() {
    if (background != null) {
      background.stop();
    }
    Future<Void> undeployed = deployment == null ? Future.succeededFuture() : vertx.undeploy(deployment);
    return undeployed.eventually(() -> pipeline == null ? Future.succeededFuture() : pipeline.close())
        .eventually(() -> redis == null ? Future.succeededFuture() : redis.close());
  }
}
