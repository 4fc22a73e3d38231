package org.emporium.platform.events.relay;

import org.emporium.platform.events.TopicProvisioner;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.emporium.platform.config.EventsSettings;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.node.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Publishes the outbox rows of every context schema to Kafka (see {@link ShardRelay}), woken by
 * {@code LISTEN/NOTIFY} and polling as a fallback, and deletes published rows after their
 * retention. One instance per node.
 */
public final class OutboxRelayVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelayVerticle.class);

  private final Platform platform;
  private OutboxProducer producer;
  private OutboxRelay relay;
  private OutboxNotifications notifications;

  public OutboxRelayVerticle(Platform platform) {
    this.platform = platform;
  }

  @Override
  public Future<?> start() {
    NodeConfig config = platform.config();
    EventsSettings.Relay settings = config.events().relay();
    if (!settings.enabled()) {
      LOG.info("Outbox relay disabled (events.relay.enabled)");
      return Future.succeededFuture();
    }
    long requestTimeout = config.kafka().requestTimeoutMs();
    TopicProvisioner topics = new TopicProvisioner(vertx, platform.kafkaAdmin(), config.events(), requestTimeout);
    OutboxSchemas schemas = new OutboxSchemas(vertx, config.postgres(), platform.clients(), settings.publishTimeoutMs());
    String clientId = "emporium-relay-" + platform.region() + "-" + platform.ids().next();
    Future<OutboxProducer> created = OutboxProducer.create(vertx, platform.clients().kafkaProducerSettings(clientId),
        settings);
    return Future.all(created, schemas.discover()).compose(ready -> {
      producer = created.result();
      relay = new OutboxRelay(vertx, ready.resultAt(1), settings, topics, producer, RelayMetrics.fromDefaultRegistry());
      notifications = new OutboxNotifications(vertx, settings.maxBackoffMs(), relay::wake, relay::wakeServer);
      vertx.setPeriodic(settings.pollIntervalMs(), tick -> relay.poll());
      vertx.setPeriodic(settings.cleanupIntervalMs(), tick -> relay.cleanUp()
          .eventually(() -> provision(topics)));
      relay.poll();
      LOG.info("Outbox relay started on {}", relay.schemas());
      return Future.join(schemas.servers().values().stream()
          .map(context -> notifications.listen(config.postgres().forContext(context))).toList())
          .compose(listening -> provision(topics));
    }).onFailure(error -> created.onSuccess(unused -> unused.close(Duration.ZERO)));
  }

  @Override
  public Future<?> stop() {
    if (relay == null) {
      return Future.succeededFuture();
    }
    long timeoutMs = platform.config().events().relay().publishTimeoutMs();
    return Future.join(relay.stop(timeoutMs), notifications.close())
        .eventually(() -> producer.close(Duration.ofMillis(timeoutMs)));
  }

  /** Topics of {@code events.topics}; if Kafka is down now, the clean-up timer asks again. */
  private Future<Void> provision(TopicProvisioner topics) {
    return topics.provisionConfigured()
        .recover(error -> {
          LOG.warn("Cannot create the configured topics yet: {}", error.toString());
          return Future.succeededFuture();
        });
  }
}
