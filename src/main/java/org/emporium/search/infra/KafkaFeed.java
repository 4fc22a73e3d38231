package org.emporium.search.infra;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * This node's own reader of the catalog and stock topics: no consumer group, every partition
 * assigned by hand, positions kept by the replica rather than committed to Kafka, so every node
 * sees every event. Blocking; used from the index thread only.
 */
final class KafkaFeed implements AutoCloseable {

  private final KafkaConsumer<String, String> consumer;
  private final List<TopicPartition> partitions = new ArrayList<>();

  KafkaFeed(Map<String, String> common, List<String> topics) {
    Map<String, Object> settings = new HashMap<>(common);
    settings.put("enable.auto.commit", "false");
    settings.put("isolation.level", "read_committed");
    settings.put("auto.offset.reset", "earliest");
    settings.put("max.poll.records", "1000");
    settings.put("fetch.max.wait.ms", "100");
    settings.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    settings.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    consumer = new KafkaConsumer<>(settings);
    for (String topic : topics) {
      for (PartitionInfo info : consumer.partitionsFor(topic)) {
        partitions.add(new TopicPartition(topic, info.partition()));
      }
    }
  }

  static String key(TopicPartition tp) {
    return tp.topic() + ":" + tp.partition();
  }

  List<TopicPartition> partitions() {
    return partitions;
  }

  Map<TopicPartition, Long> beginnings() {
    return consumer.beginningOffsets(partitions);
  }

  Map<TopicPartition, Long> ends() {
    return consumer.endOffsets(partitions);
  }

  /** Reads on from these positions (by {@code topic:partition}); a partition without one from its start. */
  void resume(Map<String, Long> positions) {
    consumer.assign(partitions);
    Map<TopicPartition, Long> beginnings = beginnings();
    for (TopicPartition tp : partitions) {
      consumer.seek(tp, positions.getOrDefault(key(tp), beginnings.get(tp)));
    }
  }

  ConsumerRecords<String, String> poll(Duration timeout) {
    return consumer.poll(timeout);
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
