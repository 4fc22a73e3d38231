package org.emporium.platform.events.consumer;

import io.vertx.core.Future;
import io.vertx.kafka.client.consumer.KafkaReadStream;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What was handled and not yet committed: per partition, the offset after the last record handled.
 * A failed commit keeps them for the next one. Used from the consumer's context only.
 */
final class PendingOffsets {

  private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();

  void handled(TopicPartition partition, long offset) {
    pending.put(partition, new OffsetAndMetadata(offset + 1));
  }

  /** Partitions revoked: their new owner starts from the last commit, the processed events absorb the overlap. */
  void forget(Collection<TopicPartition> partitions) {
    partitions.forEach(pending::remove);
  }

  Future<Void> commit(KafkaReadStream<String, String> stream, long timeoutMs) {
    if (pending.isEmpty()) {
      return Future.succeededFuture();
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = Map.copyOf(pending);
    return stream.commit(offsets).timeout(timeoutMs, TimeUnit.MILLISECONDS)
        // only what this commit carried: a partition handled further meanwhile stays pending
        .onSuccess(committed -> offsets.forEach(pending::remove))
        .mapEmpty();
  }
}
