package org.emporium.reliability.faults;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Compares every context's outbox with what Kafka holds: each row must be marked published and
 * its event id ({@code ce_id}) found on its topic.
 */
final class OutboxAudit {

  /** {@code rows} outbox rows, {@code unpublished} not marked yet, {@code missing} not on Kafka. */
  record Result(long rows, long unpublished, long missing, long records) {
  }

  private OutboxAudit() {
  }

  static List<String> outboxes(Connection db) throws SQLException {
    List<String> schemas = new ArrayList<>();
    try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(
        "SELECT table_schema FROM information_schema.tables WHERE table_name = 'outbox' ORDER BY 1")) {
      while (rows.next()) {
        schemas.add(rows.getString(1));
      }
    }
    return schemas;
  }

  static long unpublished(Connection db) throws SQLException {
    long total = 0;
    for (String schema : outboxes(db)) {
      total += Sql.count(db, "SELECT count(*) FROM " + schema + ".outbox WHERE published_at IS NULL");
    }
    return total;
  }

  static long rows(Connection db) throws SQLException {
    long total = 0;
    for (String schema : outboxes(db)) {
      total += Sql.count(db, "SELECT count(*) FROM " + schema + ".outbox");
    }
    return total;
  }

  static Result audit(Connection db, String bootstrap) throws SQLException {
    Set<String> ids = new HashSet<>();
    long unpublished = 0;
    for (String schema : outboxes(db)) {
      try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(
          "SELECT id, published_at IS NULL FROM " + schema + ".outbox")) {
        while (rows.next()) {
          ids.add(rows.getString(1));
          unpublished += rows.getBoolean(2) ? 1 : 0;
        }
      }
    }
    long rows = ids.size();
    long records = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (Map.Entry<String, List<PartitionInfo>> topic : consumer.listTopics(Duration.ofSeconds(30)).entrySet()) {
        if (!topic.getKey().startsWith("__") && !topic.getKey().endsWith(".dlq")) {
          topic.getValue().forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!reached(consumer, ends)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read the topics to their end in 60 s");
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          records++;
          Header id = record.headers().lastHeader("ce_id");
          if (id != null) {
            ids.remove(new String(id.value(), StandardCharsets.UTF_8));
          }
        }
      }
    }
    return new Result(rows, unpublished, ids.size(), records);
  }

  private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return new KafkaConsumer<>(properties);
  }
}
