package org.emporium.platform.events.consumer;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.emporium.platform.events.Topics;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Parks a record that cannot be handled on {@code <topic>.dlq}: same key, value and headers, plus
 * headers naming the error, the attempts and where the record came from, so it can be replayed.
 */
public final class DeadLetters {

  public static final String ERROR_CLASS = "dlq_error_class";
  public static final String ERROR_MESSAGE = "dlq_error_message";
  public static final String ATTEMPTS = "dlq_attempts";
  public static final String ORIGINAL_TOPIC = "dlq_original_topic";
  public static final String ORIGINAL_PARTITION = "dlq_original_partition";
  public static final String ORIGINAL_OFFSET = "dlq_original_offset";
  public static final String GROUP = "dlq_group";
  public static final String FAILED_AT = "dlq_failed_at";
  // a stack of nested causes can be long; the start says what went wrong
  private static final int MAX_MESSAGE = 2_000;

  private final KafkaProducer<String, String> producer;
  private final String group;
  private final Clock clock;
  private final long timeoutMs;

  DeadLetters(KafkaProducer<String, String> producer, String group, Clock clock, long timeoutMs) {
    this.producer = producer;
    this.group = group;
    this.clock = clock;
    this.timeoutMs = timeoutMs;
  }

  /** Succeeds once the broker has the dead letter ({@code acks=all}). */
  Future<Void> park(ConsumerRecord<String, String> record, Throwable error, int attempts) {
    KafkaProducerRecord<String, String> letter =
        KafkaProducerRecord.create(Topics.deadLetter(record.topic()), record.key(), record.value());
    for (Header header : record.headers()) {
      letter.addHeader(header.key(), header.value() == null ? Buffer.buffer() : Buffer.buffer(header.value()));
    }
    String message = String.valueOf(error.getMessage());
    letter.addHeader(ERROR_CLASS, error.getClass().getName())
        .addHeader(ERROR_MESSAGE, message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message)
        .addHeader(ATTEMPTS, String.valueOf(attempts))
        .addHeader(ORIGINAL_TOPIC, record.topic())
        .addHeader(ORIGINAL_PARTITION, String.valueOf(record.partition()))
        .addHeader(ORIGINAL_OFFSET, String.valueOf(record.offset()))
        .addHeader(GROUP, group)
        .addHeader(FAILED_AT, clock.instant().toString());
    return producer.send(letter).timeout(timeoutMs, TimeUnit.MILLISECONDS).mapEmpty();
  }
}
