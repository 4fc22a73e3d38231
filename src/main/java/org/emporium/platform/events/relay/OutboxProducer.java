package org.emporium.platform.events.relay;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.emporium.platform.config.EventsSettings;
import org.emporium.platform.events.CloudEvent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends outbox rows to Kafka with an idempotent producer: key = aggregate id, value = the
 * CloudEvent JSON. The rows of one call are handed to the producer in their order, off the event
 * loop, and the returned future completes once every one is acknowledged, or fails at the first
 * error or after the publish timeout.
 */
public final class OutboxProducer {

  private final Vertx vertx;
  private final Producer<String, String> producer;
  private final long timeoutMs;

  OutboxProducer(Vertx vertx, Producer<String, String> producer, long timeoutMs) {
    this.vertx = vertx;
    this.producer = producer;
    this.timeoutMs = timeoutMs;
  }

  /**
   * Creates the producer (blocking work, done on a worker). Records expire in the producer about
   * when the relay gives up on them, so a retry after an outage does not pile up stale copies, and
   * reconnection attempts back off as far as the relay does, so a broker outage is not logged
   * every second.
   */
  public static Future<OutboxProducer> create(Vertx vertx, Map<String, String> producerSettings,
      EventsSettings.Relay relay) {
    Map<String, Object> settings = new HashMap<>(producerSettings);
    long requestTimeout = Long.parseLong(String.valueOf(settings.getOrDefault("request.timeout.ms", "30000")));
    long linger = Long.parseLong(String.valueOf(settings.getOrDefault("linger.ms", "0")));
    settings.put("delivery.timeout.ms", String.valueOf(Math.max(relay.publishTimeoutMs(), requestTimeout + linger)));
    settings.put("reconnect.backoff.max.ms", String.valueOf(relay.maxBackoffMs()));
    return vertx.executeBlocking(() -> new OutboxProducer(vertx, new KafkaProducer<>(settings), relay.publishTimeoutMs()));
  }

  public Future<Void> send(List<OutboxRow> rows) {
    if (rows.isEmpty()) {
      return Future.succeededFuture();
    }
    Context context = vertx.getOrCreateContext();
    Promise<Void> acked = Promise.promise();
    AtomicInteger pending = new AtomicInteger(rows.size());
    AtomicBoolean settled = new AtomicBoolean();
    Callback callback = (metadata, error) -> {
      if (error != null && settled.compareAndSet(false, true)) {
        context.runOnContext(v -> acked.tryFail(error));
      } else if (error == null && pending.decrementAndGet() == 0 && settled.compareAndSet(false, true)) {
        context.runOnContext(v -> acked.tryComplete());
      }
    };
    long timer = vertx.setTimer(timeoutMs, t -> acked.tryFail(
        new TimeoutException("Kafka did not acknowledge " + rows.size() + " records in " + timeoutMs + " ms")));
    // send() may block (metadata, full buffer) up to max.block.ms; the first failure stops the loop
    vertx.executeBlocking(() -> {
      for (OutboxRow row : rows) {
        producer.send(record(row), callback);
      }
      return null;
    }, false).onFailure(acked::tryFail);
    return acked.future().onComplete(done -> vertx.cancelTimer(timer));
  }

  /** Sends what is buffered, waiting at most {@code timeout}, and releases the producer. */
  public Future<Void> close(Duration timeout) {
    return vertx.executeBlocking(() -> {
      producer.close(timeout);
      return null;
    });
  }

  static ProducerRecord<String, String> record(OutboxRow row) {
    Headers headers = new RecordHeaders()
        .add("content-type", bytes(CloudEvent.MEDIA_TYPE))
        .add("ce_id", bytes(row.id().toString()))
        .add("ce_type", bytes(row.eventType()));
    return new ProducerRecord<>(row.topic(), null, row.aggregateId(), row.envelope(), headers);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
