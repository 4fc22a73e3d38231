package org.emporium.payment.api;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import org.emporium.payment.application.Authorising;
import org.emporium.payment.application.Capturing;
import org.emporium.payment.application.PaymentSettings;
import org.emporium.payment.application.PaymentStore;
import org.emporium.payment.application.ReadingPayments;
import org.emporium.payment.application.ReceivingWebhooks;
import org.emporium.payment.application.Refunding;
import org.emporium.payment.application.Voiding;
import org.emporium.payment.infra.GuardedProvider;
import org.emporium.payment.infra.PgPayments;
import org.emporium.payment.infra.SimulatedProvider;
import org.emporium.platform.eventbus.BusEndpoints;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.node.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payment context: authorise, capture, void, refund and read payments on the internal
 * {@code payment.*} addresses, and the REST reads, refunds and provider webhooks. The provider is
 * the built-in simulator behind a circuit breaker, a timeout and retries.
 */
public final class PaymentVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(PaymentVerticle.class);
  private static final String CONTEXT = "payment";

  private final Platform platform;
  private GuardedProvider provider;

  public PaymentVerticle(Platform platform) {
    this.platform = platform;
  }

  @Override
  public Future<?> start() {
    PaymentSettings settings = PaymentSettings.from(platform.config());
    if (settings.webhookSecret() == null) {
      LOG.warn("payment.simulator.webhookSecret is not set: every webhook is refused");
    }
    Pool pool = platform.clients().postgres(vertx, CONTEXT);
    Outbox outbox = new Outbox(CONTEXT, platform.region(), platform.ids(), platform.clock());
    PaymentStore store = new PaymentStore(pool, outbox, new PgPayments(platform.clock()), platform.clock());
    provider = new GuardedProvider(vertx, new SimulatedProvider(vertx, settings.simulatorLatencyMs(),
        settings.providerTimeoutMs(), settings.webhookSecret()), settings);
    PaymentEndpoints endpoints = new PaymentEndpoints(new Authorising(store, provider), new Capturing(store, provider),
        new Voiding(store, provider), new Refunding(store, provider), new ReadingPayments(store),
        new ReceivingWebhooks(store, provider));
    return new BusEndpoints(vertx, RejectionProblems::of)
        .serve("payment.authorise", endpoints::authorise)
        .serve("payment.capture", endpoints::capture)
        .serve("payment.void", endpoints::voidPayment)
        .serve("payment.refund", endpoints::refund)
        .serve("payment.get", endpoints::get)
        .forwarded("payment.getPayment", endpoints::getPayment)
        .forwarded("payment.refundPayment", endpoints::refundPayment)
        .forwarded("payment.receiveWebhook", endpoints::receiveWebhook)
        .registered();
  }

  @Override
  public Future<?> stop() {
    if (provider != null) {
      provider.close();
    }
    return Future.succeededFuture();
  }
}
