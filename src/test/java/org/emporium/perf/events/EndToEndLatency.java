package org.emporium.perf.events;

import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A plain Kafka consumer on its own thread that records, for every event of a topic, the time
 * from the event's {@code time} (set when the transaction wrote it, just before the commit) to
 * its arrival here: commit-to-consumer latency, slightly overstated by the commit's own duration.
 * The record's timestamp (set by the relay's producer when it sends, in milliseconds) splits it in
 * two: commit to send (the relay's share) and send to consumer (Kafka's).
 */
final class EndToEndLatency implements AutoCloseable {

  private final KafkaConsumer<String, String> consumer;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;
  private volatile long[] micros = new long[1 << 20];
  private volatile long[] toSend = new long[1 << 20];
  private volatile long[] fromSend = new long[1 << 20];
  private volatile int size;
  private volatile boolean recording;

  EndToEndLatency(String bootstrapServers, String topic) {
    consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.GROUP_ID_CONFIG, "bench-latency-" + System.nanoTime(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5"),
        new StringDeserializer(), new StringDeserializer());
    consumer.subscribe(List.of(topic));
    thread = new Thread(this::loop, "bench-latency");
    thread.setDaemon(true);
    thread.start();
  }

  /** Waits until the consumer owns its partitions, so no event of a measured run is missed. */
  void awaitAssignment() throws InterruptedException {
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      synchronized (consumer) {
        if (!consumer.assignment().isEmpty()) {
          return;
        }
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("latency consumer got no partitions");
  }

  /** Starts a new measurement window. */
  void start() {
    size = 0;
    recording = true;
  }

  /** Ends the window and returns its percentiles. */
  Percentiles stop() {
    recording = false;
    return Percentiles.of(micros, size);
  }

  /** Of the last window: from the commit to the relay's send. */
  Percentiles relayShare() {
    return Percentiles.of(toSend, size);
  }

  /** Of the last window: from the relay's send to this consumer. */
  Percentiles kafkaShare() {
    return Percentiles.of(fromSend, size);
  }

  int received() {
    return size;
  }

  private void loop() {
    while (running.get()) {
      var records = poll();
      long now = nowMicros();
      for (ConsumerRecord<String, String> record : records) {
        if (!recording) {
          continue;
        }
        Instant written = Instant.parse(new JsonObject(record.value()).getString("time"));
        long writtenMicros = written.getEpochSecond() * 1_000_000 + written.getNano() / 1_000;
        long sentMicros = record.timestamp() * 1_000;
        if (size == micros.length) {
          micros = java.util.Arrays.copyOf(micros, size * 2);
          toSend = java.util.Arrays.copyOf(toSend, size * 2);
          fromSend = java.util.Arrays.copyOf(fromSend, size * 2);
        }
        micros[size] = now - writtenMicros;
        toSend[size] = sentMicros - writtenMicros;
        fromSend[size] = now - sentMicros;
        size++;
      }
    }
  }

  private org.apache.kafka.clients.consumer.ConsumerRecords<String, String> poll() {
    synchronized (consumer) {
      return consumer.poll(Duration.ofMillis(20));
    }
  }

  private static long nowMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.join(5_000);
    consumer.close(Duration.ofSeconds(5));
  }
}
