package org.emporium.platform.embedded;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.assertj.core.groups.Tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A real single-node KRaft broker on a temporary directory: topics and records across restarts. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class EmbeddedKafkaBrokerTest {

  private static final String TOPIC = "orders.placed";
  private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

  @TempDir
  Path dataDir;

  private EmbeddedKafkaBroker broker;

  @AfterEach
  void stop() {
    if (broker != null) {
      broker.stop();
    }
  }

  @Test
  void topicsAndRecordsSurviveARestart() throws Exception {
    Path directory = dataDir.resolve("kafka");
    broker = EmbeddedKafkaBroker.start(directory, 0);
    assertThat(directory.resolve("meta.properties")).exists();
    String clusterId = Files.readString(directory.resolve("meta.properties"));
    try (Admin admin = admin()) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
    try (KafkaProducer<String, String> producer = producer()) {
      producer.send(new ProducerRecord<>(TOPIC, "o-1", "{\"total\":42.5}")).get(30, TimeUnit.SECONDS);
    }
    assertThat(consumeAll()).extracting(ConsumerRecord::key, ConsumerRecord::value)
        .containsExactly(Tuple.tuple("o-1", "{\"total\":42.5}"));
    broker.stop();

    broker = EmbeddedKafkaBroker.start(directory, 0);
    // not formatted again: same cluster id
    assertThat(Files.readString(directory.resolve("meta.properties"))).isEqualTo(clusterId);
    try (Admin admin = admin()) {
      assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains(TOPIC);
    }
    assertThat(consumeAll()).extracting(ConsumerRecord::key).containsExactly("o-1");
  }

  private Admin admin() {
    return Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
  }

  private KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000),
        new StringSerializer(), new StringSerializer());
  }

  /** Every record of the partition, read from the beginning until the end offset. */
  private List<ConsumerRecord<String, String>> consumeAll() {
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000),
        new StringDeserializer(), new StringDeserializer())) {
      consumer.assign(List.of(PARTITION));
      consumer.seekToBeginning(List.of(PARTITION));
      long end = consumer.endOffsets(List.of(PARTITION), Duration.ofSeconds(30)).get(PARTITION);
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (consumer.position(PARTITION, Duration.ofSeconds(30)) < end && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
      return records;
    }
  }
}
