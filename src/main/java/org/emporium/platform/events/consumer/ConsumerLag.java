package org.emporium.platform.events.consumer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.kafka.client.consumer.KafkaReadStream;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The last measured lag of each assigned partition, readable from any thread and, when a registry
 * is given, published as the gauge {@code emporium.consumer.lag{group,topic,partition}}
 * ({@code emporium_consumer_lag} in Prometheus).
 */
final class ConsumerLag {

  static final String METRIC = "emporium.consumer.lag";

  private final String group;
  private final MeterRegistry registry;
  private final Map<TopicPartition, Long> values = new ConcurrentHashMap<>();
  private final Map<TopicPartition, Gauge> gauges = new HashMap<>();

  ConsumerLag(String group, MeterRegistry registry) {
    this.group = group;
    this.registry = registry;
  }

  void update(TopicPartition partition, long lag) {
    if (registry != null) {
      gauges.computeIfAbsent(partition, this::register);
    }
    values.put(partition, Math.max(0, lag));
  }

  /** Partitions no longer assigned here: another member reports them now. */
  void forget(Collection<TopicPartition> partitions) {
    for (TopicPartition partition : partitions) {
      values.remove(partition);
      Gauge gauge = gauges.remove(partition);
      if (gauge != null) {
        registry.remove(gauge);
      }
    }
  }

  void forgetAll() {
    forget(List.copyOf(values.keySet()));
  }

  Map<TopicPartition, Long> snapshot() {
    return Map.copyOf(values);
  }

  /** Asks the broker for the end offsets of the assigned partitions; never fails. */
  Future<Void> measure(KafkaReadStream<String, String> stream, long timeoutMs) {
    return stream.assignment()
        .compose(assigned -> assigned.isEmpty() ? Future.succeededFuture(Map.<TopicPartition, Long>of())
            : stream.endOffsets(assigned).timeout(timeoutMs, TimeUnit.MILLISECONDS))
        // the position is the next record to handle: the batch ends sought back to it
        .compose(ends -> Future.join(ends.entrySet().stream().map(end -> stream.position(end.getKey())
            .timeout(timeoutMs, TimeUnit.MILLISECONDS)
            .onSuccess(position -> update(end.getKey(), end.getValue() - position))).toList()))
        .<Void>mapEmpty()
        .otherwiseEmpty();
  }

  private Gauge register(TopicPartition partition) {
    return Gauge.builder(METRIC, values, lags -> lags.getOrDefault(partition, 0L))
        .description("Records of the partition not yet handled by the consumer group")
        .tags("group", group, "topic", partition.topic(), "partition", String.valueOf(partition.partition()))
        .register(registry);
  }
}
