package org.emporium.platform.events.consumer;

import io.vertx.core.Future;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaReadStream;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.sqlclient.Pool;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The clients one consumer owns: its Kafka consumer, the dead-letter producer and the context's pool. */
record ConsumerClients(KafkaReadStream<String, String> stream, KafkaProducer<String, String> producer, Pool pool,
    boolean ownPool, DeadLetters deadLetters) {

  /** Builds them on the caller's context, which then receives their callbacks. */
  static ConsumerClients open(EventConsumerBuilder builder, String clientId) {
    Map<String, String> settings = builder.clients.kafkaConsumerSettings(clientId, builder.groupId());
    settings.put("max.poll.records", String.valueOf(builder.settings.maxPollRecords()));
    KafkaReadStream<String, String> stream = KafkaConsumer.<String, String>create(builder.vertx, settings).asStream();
    KafkaProducer<String, String> producer = builder.clients.kafkaProducer(builder.vertx, clientId + "-dlq");
    Pool pool = builder.pool != null ? builder.pool : builder.clients.postgres(builder.vertx, builder.context);
    long sendTimeoutMs = 2 * builder.config.kafka().requestTimeoutMs();
    return new ConsumerClients(stream, producer, pool, builder.pool == null,
        new DeadLetters(producer, builder.groupId(), builder.clock, sendTimeoutMs));
  }

  /** Closes all of them, each bounded by {@code timeoutMs}; never fails. */
  Future<Void> close(long timeoutMs) {
    return Future.join(
            stream.close().timeout(timeoutMs, TimeUnit.MILLISECONDS),
            producer.close(timeoutMs).timeout(2 * timeoutMs, TimeUnit.MILLISECONDS),
            ownPool ? pool.close().timeout(timeoutMs, TimeUnit.MILLISECONDS) : Future.succeededFuture())
        .<Void>mapEmpty()
        .otherwiseEmpty();
  }
}
