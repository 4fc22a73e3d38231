package org.emporium.perf.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relay's latency at a steady rate: a writer commits events into the inventory outbox on a
 * schedule (every 5 ms one transaction with the events then due, a wake-up after each commit, as
 * writers' commits do), and a Kafka consumer in this JVM takes each event's latency from its
 * scheduled time to its arrival (commit, claim, send, acknowledgement, fetch).
 */
final class RelayLatency {

  private static final Pattern SEQUENCE = Pattern.compile("\"sequence\":(\\d+)");
  private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  private final Postgres pg;
  private final Endpoint kafka;

  RelayLatency(Postgres pg, Endpoint kafka) {
    this.pg = pg;
    this.kafka = kafka;
  }

  ObjectNode measure(double rate, int seconds) throws Exception {
    long total = (long) (rate * seconds);
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicLong base = new AtomicLong();
    AtomicReference<RuntimeException> failed = new AtomicReference<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka.toString(),
        "group.id", "perf-relay-latency", "enable.auto.commit", "false"), new StringDeserializer(),
        new StringDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(RelayDrain.TOPIC, Duration.ofSeconds(30)).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      Thread writer = new Thread(() -> {
        try {
          write(rate, total, base);
        } catch (RuntimeException e) {
          failed.set(e);
        }
      }, "relay-latency-writer");
      base.set(System.nanoTime());
      writer.start();
      long deadline = base.get() + TimeUnit.SECONDS.toNanos(seconds + 60L);
      while (latencies.size() < total && System.nanoTime() < deadline && failed.get() == null) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
          long now = System.nanoTime();
          Matcher sequence = SEQUENCE.matcher(record.value());
          if (sequence.find()) {
            long scheduled = base.get() + (long) (Long.parseLong(sequence.group(1)) / rate * 1e9);
            latencies.add((now - scheduled) / 1_000);
          }
        }
      }
      writer.join(TimeUnit.SECONDS.toMillis(30));
    }
    if (failed.get() != null) {
      throw failed.get();
    }
    ObjectNode latency = Latencies.ofMicros(latencies.stream().mapToLong(Long::longValue).toArray()).json();
    return latency.put("rate", Math.round(rate)).put("expected", total);
  }

  private void write(double rate, long total, AtomicLong base) {
    try (Connection c = pg.connect(); Statement wake = c.createStatement();
         PreparedStatement insert = c.prepareStatement("INSERT INTO inventory.outbox (id, topic, aggregate_id,"
             + " event_type, envelope, created_at) SELECT gen_random_uuid(), ?, 'perf-' || (g % 1000),"
             + " 'emporium.perf.relay.paced.v1', ? || g || ?, now() FROM generate_series(?, ?) g")) {
      String[] envelope = RelayDrain.envelope();
      insert.setString(1, RelayDrain.TOPIC);
      insert.setString(2, envelope[0]);
      insert.setString(3, envelope[1]);
      long written = 0;
      long next = base.get();
      while (written < total) {
        long due = Math.min(total, (long) ((System.nanoTime() - base.get()) / 1e9 * rate));
        if (due > written) {
          insert.setLong(4, written);
          insert.setLong(5, due - 1);
          insert.executeUpdate();
          wake.execute("SELECT pg_notify('emporium_outbox', 'inventory')");
          written = due;
        }
        next += TICK_NANOS;
        LockSupport.parkNanos(next - System.nanoTime());
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the paced writer failed: " + e.getMessage(), e);
    }
  }
}
