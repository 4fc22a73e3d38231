package org.emporium.checkout.api;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.emporium.checkout.application.CheckoutSettings;
import org.emporium.checkout.application.PlacingOrders;
import org.emporium.checkout.application.Purging;
import org.emporium.checkout.application.Recovering;
import org.emporium.checkout.application.Reply;
import org.emporium.checkout.application.SagaRunner;
import org.emporium.checkout.infra.BusDownstream;
import org.emporium.checkout.infra.PgPurchaseCounts;
import org.emporium.checkout.infra.PgSagas;
import org.emporium.platform.error.Problem;
import org.emporium.platform.eventbus.BusEndpoints;
import org.emporium.platform.eventbus.ForwardedReply;
import org.emporium.platform.eventbus.ForwardedRequest;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.node.PeriodicWork;
import org.emporium.platform.node.Platform;

/**
 * The checkout context: {@code checkout.start} (REST {@code POST /api/v1/checkout} and gRPC
 * {@code CheckoutService/PlaceOrder}), this node's recovery sweeper and the purge of old keys.
 */
public final class CheckoutVerticle extends VerticleBase {

  static final String CONTEXT = "checkout";
  static final String REPLAYED = "Idempotent-Replayed";

  private final Platform platform;
  private PeriodicWork background;

  public CheckoutVerticle(Platform platform) {
    this.platform = platform;
  }

  @Override
  public Future<?> start() {
    CheckoutSettings settings = CheckoutSettings.from(platform.config());
    Pool pool = platform.clients().postgres(vertx, CONTEXT);
    String owner = platform.nodeId() + "/" + deploymentID();
    PgSagas sagas = new PgSagas(pool, new Outbox(CONTEXT, platform.region(), platform.ids(), platform.clock()), owner);
    SagaRunner runner = new SagaRunner(vertx, sagas, new BusDownstream(vertx, settings.stepTimeoutMs()),
        new PgPurchaseCounts(pool), platform.clock(), platform.region(), settings);
    PlacingOrders placing = new PlacingOrders(sagas, runner, platform.ids(), platform.clock(), settings);
    Recovering recovering = new Recovering(sagas, runner, platform.clock(), settings, owner);
    Purging purging = new Purging(sagas, platform.clock(), settings);
    BusEndpoints bus = new BusEndpoints(vertx, CheckoutProblems::of)
        .forwarded("checkout.start", request -> start(placing, request));
    background = new PeriodicWork(vertx)
        .every(settings.sweepIntervalMs(), "recovering checkouts", recovering::sweep)
        .every(settings.cleanupIntervalMs(), "purging checkout keys", purging::purge);
    return bus.registered();
  }

  private static Future<JsonObject> start(PlacingOrders placing, ForwardedRequest request) {
    return placing.place(CheckoutRequests.read(request)).compose(CheckoutVerticle::reply);
  }

  /**
   * 201 with the order and its Location; a failure as its problem (the edge writes problem JSON),
   * or, replayed, as the stored problem with the replay header.
   */
  private static Future<JsonObject> reply(Reply reply) {
    if (reply.status() != 201 && reply.replayed()) {
      JsonObject problem = ForwardedReply.withHeader(ForwardedReply.of(reply.status(), reply.body()),
          "Content-Type", Problem.MEDIA_TYPE);
      return Future.succeededFuture(ForwardedReply.withHeader(problem, REPLAYED, "true"));
    }
    if (reply.status() != 201) {
      return Future.failedFuture(Problem.fromJson(reply.status(), reply.body()).toException());
    }
    JsonObject created = ForwardedReply.created(reply.body(),
        "/api/v1/orders/" + reply.body().getString("orderId"));
    return Future.succeededFuture(reply.replayed() ? ForwardedReply.withHeader(created, REPLAYED, "true") : created);
  }

  @Override
  public Future<?> stop() {
    if (background != null) {
      background.stop();
    }
    return Future.succeededFuture();
  }
}
