package org.emporium.platform.events.consumer;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.apache.kafka.common.TopicPartition;
import org.emporium.platform.clients.Clients;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.node.Platform;

import java.util.Map;

/**
 * An idempotent Kafka consumer of one context: each event's effect and its id commit in one
 * PostgreSQL transaction, offsets are committed after the effect, failing records are retried with
 * backoff and then parked on {@code <topic>.dlq}.
 * <pre>{@code
 * EventConsumer payments = EventConsumer.builder(vertx, platform)
 *     .context("ordering").name("payments").topics("payment.payment.v1")
 *     .handler((event, tx) -> orders.markPaid(tx.connection(), event.subject()))
 *     .build();
 * return payments.start();
 * }</pre>
 */
public interface EventConsumer {

  static EventConsumerBuilder builder(Vertx vertx, Platform platform) {
    return new EventConsumerBuilder(vertx, platform.config(), platform.clients()).ids(platform.ids())
        .clock(platform.clock()).admin(platform.kafkaAdmin());
  }

  static EventConsumerBuilder builder(Vertx vertx, NodeConfig config, Clients clients) {
    return new EventConsumerBuilder(vertx, config, clients);
  }

  /** The Kafka consumer group, {@code <context>.<name>}; also the {@code consumer} of its processed events. */
  String groupId();

  /** Joins the group and starts handling records; fails if the subscription cannot be made. */
  Future<Void> start();

  /** Stops handling before the next record (the record in hand finishes) while keeping the group membership. */
  void pause();

  /** Continues after {@link #pause()}. */
  void resume();

  boolean paused();

  /** Records waiting per assigned partition (end offset minus position), as last measured. */
  Map<TopicPartition, Long> lag();

  /** Stops polling, lets the record in hand finish, commits, closes; bounded by the stop timeout. */
  Future<Void> stop();
}
