package org.emporium.platform.events.consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.emporium.platform.events.CloudEvent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Kafka for consumer tests, from the test thread: creates topics with their dead-letter topics,
 * publishes records shaped like the outbox relay's, reads topics and group offsets.
 */
public final class TestTopics implements AutoCloseable {

  private final String bootstrapServers;
  private final Admin admin;
  private final KafkaProducer<String, String> producer;

  public TestTopics(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
    this.admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers));
    this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers, "acks", "all",
        "enable.idempotence", "true"), new StringSerializer(), new StringSerializer());
  }

  /** Creates {@code topic} and {@code topic.dlq}. */
  public void create(String topic, int partitions) throws Exception {
    admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1), new NewTopic(topic + ".dlq", partitions,
        (short) 1))).all().get(10, TimeUnit.SECONDS);
  }

  /** Publishes the event as the relay does: key = subject, value = the envelope, CloudEvents headers. */
  public void publish(String topic, CloudEvent event) throws Exception {
    ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.subject(), event.toJson().encode());
    record.headers().add("content-type", CloudEvent.MEDIA_TYPE.getBytes(StandardCharsets.UTF_8))
        .add("ce_id", event.id().getBytes(StandardCharsets.UTF_8))
        .add("ce_type", event.type().getBytes(StandardCharsets.UTF_8));
    producer.send(record).get(10, TimeUnit.SECONDS);
  }

  public void publishRaw(String topic, String key, String value) throws Exception {
    producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
  }

  /** Reads the first {@code count} records of a one-partition topic. */
  public List<ConsumerRecord<String, String>> read(String topic, int count) throws Exception {
    try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers),
        new StringDeserializer(), new StringDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      reader.assign(List.of(partition));
      reader.seekToBeginning(List.of(partition));
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (records.size() < count && System.nanoTime() < deadline) {
        reader.poll(Duration.ofMillis(100)).forEach(records::add);
      }
      if (records.size() < count) {
        throw new AssertionError("only " + records.size() + " of " + count + " records on " + topic);
      }
      return records;
    }
  }

  /** The group's committed offset of the partition, -1 if none. */
  public long committed(String group, TopicPartition partition) throws Exception {
    OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
        .get(10, TimeUnit.SECONDS).get(partition);
    return offset == null ? -1 : offset.offset();
  }

  public long endOffset(TopicPartition partition) throws Exception {
    return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
        .get(10, TimeUnit.SECONDS).offset();
  }

  /** Waits up to 30 s for the condition; a wait for state, not a timing assertion. */
  public static void await(String what, Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Boolean.TRUE.equals(condition.call())) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(20);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
    admin.close(Duration.ofSeconds(5));
  }
}
