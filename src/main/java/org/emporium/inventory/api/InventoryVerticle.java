package org.emporium.inventory.api;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.VertxOptions;
import io.vertx.sqlclient.Pool;
import org.emporium.inventory.application.Expiring;
import org.emporium.inventory.application.Finishing;
import org.emporium.inventory.application.InventorySettings;
import org.emporium.inventory.application.LineOutcome;
import org.emporium.inventory.application.LineRequest;
import org.emporium.inventory.application.MovingStock;
import org.emporium.inventory.application.ReadingAvailability;
import org.emporium.inventory.application.Reserving;
import org.emporium.inventory.application.StockSignals;
import org.emporium.inventory.domain.Warehouse;
import org.emporium.inventory.infra.BusCatalog;
import org.emporium.inventory.infra.PgReservations;
import org.emporium.inventory.infra.PgStockLevels;
import org.emporium.inventory.infra.ShardClient;
import org.emporium.platform.eventbus.RecordCodec;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.node.Platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The inventory context: makes sure the region's warehouses exist, deploys one {@link ShardVerticle}
 * per shard (stock shard plus a share of the {@code inventory.*} addresses), and runs the sweeper,
 * the stock signals and the live stock feed.
 */
public final class InventoryVerticle extends VerticleBase {

  private static final String CONTEXT = "inventory";

  private final Platform platform;
  private final List<String> deployments = new ArrayList<>();
  private Background background;

  public InventoryVerticle(Platform platform) {
    this.platform = platform;
  }

  @Override
  public Future<?> start() {
    InventorySettings settings = InventorySettings.from(platform.config(), VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE);
    Pool pool = platform.clients().postgres(vertx, CONTEXT);
    Outbox outbox = new Outbox(CONTEXT, platform.region(), platform.ids(), platform.clock());
    PgReservations reservations = new PgReservations(platform.region());
    PgStockLevels stock = new PgStockLevels();
    RecordCodec.register(vertx, LineRequest.class, LineOutcome.class);
    ShardClient shards = new ShardClient(vertx, settings.shards(), platform.config().eventBusTimeoutMs());
    InventoryEndpoints endpoints = new InventoryEndpoints(
        new Reserving(pool, reservations, shards, settings.rules(), platform.clock()),
        new Finishing(pool, outbox, reservations, platform.clock()),
        new MovingStock(pool, stock, new BusCatalog(vertx, settings.catalogTimeoutMs()), platform.clock()),
        new ReadingAvailability(pool, stock), platform.region(), settings.reservationTtlSeconds());
    background = new Background(vertx, platform, settings,
        new Expiring(pool, outbox, reservations, platform.clock(), 100,
            Duration.ofHours(settings.endedRetentionHours())),
        new StockSignals(pool, outbox, stock, 500));
    List<Warehouse> warehouses = new ArrayList<>(settings.warehouses());
    warehouses.add(Warehouse.main(platform.region()));
    Future<Void> ready = Future.succeededFuture();
    for (Warehouse warehouse : warehouses) {
      ready = ready.compose(v -> stock.ensureWarehouse(pool, warehouse));
    }
    AtomicInteger next = new AtomicInteger();
    return ready.compose(v -> vertx.deployVerticle(() -> {
          int index = next.getAndIncrement();
          return new ShardVerticle(index, new ShardBatches(pool, reservations, platform.clock(), settings.maxBatch()),
              endpoints);
        }, new DeploymentOptions().setInstances(settings.shards())))
        .onSuccess(deployments::add)
        .compose(id -> background.start());
  }

  @Override
  public Future<?> stop() {
    Future<Void> stopped = background == null ? Future.succeededFuture() : background.stop();
    return stopped.eventually(() -> Future.all(deployments.stream().map(vertx::undeploy).toList()))
        .eventually(() -> {
          vertx.eventBus().unregisterDefaultCodec(LineRequest.class);
          vertx.eventBus().unregisterDefaultCodec(LineOutcome.class);
          return Future.succeededFuture();
        });
  }
}
