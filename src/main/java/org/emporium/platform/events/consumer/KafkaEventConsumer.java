package org.emporium.platform.events.consumer;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.apache.kafka.common.TopicPartition;
import org.emporium.platform.events.TopicProvisioner;
import org.emporium.platform.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** An {@link EventConsumer} on the Vert.x Kafka client: its lifecycle around one {@link PollLoop}. */
final class KafkaEventConsumer implements EventConsumer {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaEventConsumer.class);

  private final EventConsumerBuilder builder;
  private final String group;
  private final ConsumerLag lag;
  private volatile boolean pausedBeforeStart;
  private final AtomicReference<Context> context = new AtomicReference<>();
  private ConsumerClients clients;
  private volatile PollLoop loop;
  private Future<Void> stopped;

  KafkaEventConsumer(EventConsumerBuilder builder) {
    this.builder = builder;
    this.group = builder.groupId();
    this.lag = new ConsumerLag(group, builder.registry);
  }

  @Override
  public String groupId() {
    return group;
  }

  @Override
  public Future<Void> start() {
    Context own = builder.vertx.getOrCreateContext();
    if (!context.compareAndSet(null, own)) {
      return Future.failedFuture(new IllegalStateException(group + " was started already"));
    }
    Promise<Void> started = Promise.promise();
    own.runOnContext(v -> {
      PollLoop created;
      try {
        // built on this context so that every Kafka and PostgreSQL callback comes back to it
        clients = ConsumerClients.open(builder, group + "-" + UUID.randomUUID().toString().substring(0, 8));
        created = new PollLoop(builder, clients, lag);
      } catch (RuntimeException e) {
        started.fail(e);
        return;
      }
      // publish the loop first, then read the flag: a pause() racing with this is applied by one side or both
      loop = created;
      created.paused(pausedBeforeStart);
      provisionTopics()
          .compose(provisioned -> created.start(Set.copyOf(builder.topics)))
          .onFailure(e -> stopped = clients.close(builder.config.kafka().requestTimeoutMs()))
          .onComplete(started);
    });
    return started.future();
  }

  /** The consumed topics and their {@code .dlq} topics, so the first dead letter has a place to go. */
  private Future<Void> provisionTopics() {
    if (builder.admin == null) {
      return Future.succeededFuture();
    }
    List<String> topics = new ArrayList<>(builder.topics);
    builder.topics.forEach(topic -> topics.add(Topics.deadLetter(topic)));
    return new TopicProvisioner(builder.vertx, builder.admin, builder.config.events(),
        builder.config.kafka().requestTimeoutMs()).ensure(topics);
  }

  @Override
  public void pause() {
    paused(true);
  }

  @Override
  public void resume() {
    paused(false);
  }

  private void paused(boolean paused) {
    pausedBeforeStart = paused;
    PollLoop current = loop;
    if (current != null) {
      current.paused(paused);
    }
  }

  @Override
  public boolean paused() {
    PollLoop current = loop;
    return current == null ? pausedBeforeStart : current.paused();
  }

  @Override
  public Map<TopicPartition, Long> lag() {
    return lag.snapshot();
  }

  @Override
  public Future<Void> stop() {
    Context own = context.get();
    if (own == null) {
      return Future.succeededFuture();
    }
    Promise<Void> done = Promise.promise();
    own.runOnContext(v -> {
      if (stopped == null) {
        stopped = stopLoop().transform(ended -> clients == null ? Future.<Void>succeededFuture()
            : clients.close(builder.config.kafka().requestTimeoutMs())).onComplete(closed -> lag.forgetAll());
      }
      stopped.onComplete(done);
    });
    return done.future();
  }

  private Future<Void> stopLoop() {
    if (loop == null) {
      return Future.succeededFuture();
    }
    return loop.stop().timeout(builder.stopTimeout.toMillis(), TimeUnit.MILLISECONDS).recover(e -> {
      LOG.warn("Consumer {} did not finish its record within {}; closing anyway", group, builder.stopTimeout);
      return loop.commit();
    });
  }
}
